import { chooseScript, type ScriptName } from '../src/testing';

/** What each of the emulator's scripts shows a visitor; the type makes every script need one. */
const SHOWS: Record<Exclude<ScriptName, 'auto'>, string> = {
  echo: 'its words echoed',
  tool: 'tool calls, in footnotes',
  canned: 'a canned response, its matched guideline and journey (turn on Inspect)',
  multi: 'several messages in one turn',
  stream: 'a streamed reply',
  slow: 'a long wait, then "Thinking"',
  handoff: 'a handoff to a human operator',
  error: 'a failed turn, with Try again',
  silent: 'no answer at all',
};

/** Phrases the demo suggests, in the order shown. */
const PHRASES = ['What is my balance?', 'Can you explain the steps?', 'Show me a canned response', 'Please stream it', 'I need a human', 'Cause an error'];

/**
 * The demo's hints: each phrase with what the emulator does with it, computed by the emulator's
 * own keyword chooser, so a hint cannot promise what the agent will not do.
 * @example HINTS[0] // { text: 'What is my balance?', script: 'tool', shows: 'tool calls, in footnotes' }
 */
export const HINTS = PHRASES.map((text) => {
  const script = chooseScript(text);
  return { text, script, shows: SHOWS[script] };
});

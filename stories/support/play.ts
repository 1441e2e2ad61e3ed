/**
 * What a customer does and sees, for play functions: found by role and accessible name, the way
 * assistive technology finds them.
 */
import type { StoryContext } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { ParlantEmulator } from '../../src/testing';

type Canvas = StoryContext['canvas'];
type User = StoryContext['userEvent'];

/**
 * How long to wait for the scripted agent: a turn takes a few hundred milliseconds, but two
 * browser tests sharing two cores can be slow.
 */
export const AGENT_REPLY = { timeout: 8000 } as const;

/**
 * Types a message in the composer and presses Enter; the box empties at once.
 * @example await sendMessage(canvas, userEvent, 'What is my balance?');
 */
export async function sendMessage(canvas: Canvas, userEvent: User, text: string, inputName = 'Message'): Promise<void> {
  const input = canvas.getByRole('textbox', { name: inputName });
  await userEvent.type(input, `${text}{Enter}`);
  await expect(input).toHaveValue('');
}

/**
 * Queries inside the conversation log (named "Conversation" unless translated).
 * @example await conversation(canvas).findByText('Hello');
 */
export function conversation(canvas: Canvas, name = 'Conversation') {
  return within(canvas.getByRole('log', { name }));
}

/**
 * The messages in the log with a given role (`customer`, `agent`, `human_agent`).
 * @example expect(messagesBy(canvas, 'agent')).toHaveLength(3);
 */
export function messagesBy(canvas: Canvas, role: string, logName = 'Conversation'): HTMLElement[] {
  return conversation(canvas, logName)
    .queryAllByRole('listitem')
    .filter((item) => item.getAttribute('data-role') === role);
}

/**
 * The id of the session the widget created on the emulator (from the requests it made).
 * @example emu.events(sessionIdOf(emu))
 */
export function sessionIdOf(emu: ParlantEmulator): string {
  for (const request of emu.requests) {
    const match = /^\/sessions\/([^/]+)\/events$/.exec(request.path);
    if (match?.[1]) return match[1];
  }
  throw new Error('The widget has not used a session yet.');
}

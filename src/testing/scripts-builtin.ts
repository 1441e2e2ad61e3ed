/**
 * The built-in scripts of the emulated agent and the keyword chooser that lets one demo agent
 * show every behaviour a widget must handle.
 */
import { steps, type ScriptFn, type ScriptName, type ScriptSpec, type ScriptStep, type ScriptTurn } from './scripts';

const KEYWORDS: Array<[Exclude<ScriptName, 'auto' | 'echo'>, RegExp]> = [
  ['handoff', /\b(human|handoff|hand off|representative|operator)\b/i],
  ['error', /\b(error|fail|crash|broken)\b/i],
  ['silent', /\b(silent|quiet|ignore me)\b/i],
  ['slow', /\b(slow|slowly|take your time)\b/i],
  ['stream', /\b(stream|streaming)\b/i],
  ['multi', /\b(multi|several|steps|explain)\b/i],
  ['canned', /\b(canned|guidelines?|journeys?|inspect)\b/i],
  ['tool', /\b(balance|order|orders|tool|tools)\b/i],
];

/**
 * Picks a built-in script from the customer's words (case-insensitive, first match wins). Only
 * `echo` is what a real Parlant agent without tools or guidelines does (checked against the real
 * server); the others model tools, handoffs and failures and are not verified against it:
 * - `handoff`: "human", "handoff", "hand off", "representative", "operator"
 * - `error`: "error", "fail", "crash", "broken"
 * - `silent`: "silent", "quiet", "ignore me"
 * - `slow`: "slow", "slowly", "take your time"
 * - `stream`: "stream", "streaming"
 * - `multi`: "multi", "several", "steps", "explain"
 * - `canned`: "canned", "guideline(s)", "journey(s)", "inspect": a tool call, then a reply built
 *   from a canned response (`draft`, `canned_responses`), with a guideline, a journey and its
 *   state matched (listed by the completed `ready`)
 * - `tool`: "balance", "order(s)", "tool(s)"
 * - otherwise `echo` ("help" makes the echo list these keywords).
 * @example chooseScript('What is my balance?'); // 'tool'
 */
export function chooseScript(text: string): Exclude<ScriptName, 'auto'> {
  for (const [name, pattern] of KEYWORDS) if (pattern.test(text)) return name;
  return 'echo';
}

const HELP = [
  "I'm an **emulated** Parlant agent. Try one of these:",
  '',
  '- *balance* or *order* – I call a tool first',
  '- *explain* – several messages in one turn',
  '- *canned* – a canned response, with the guideline and journey that chose it',
  '- *stream* – a streamed reply',
  '- *slow* – a long wait before I answer',
  '- *human* – hand the chat to a human colleague',
  '- *error* – the turn fails',
  '- *silent* – I read it and say nothing',
].join('\n');

const CANNED_REPLY = 'You can return any item within **30 days** of delivery; the return label is free.';

function greetingSteps(turn: ScriptTurn): ScriptStep[] {
  return turn.greeting === null ? [] : [steps.say(turn.greeting)];
}

function orderSteps(turn: ScriptTurn): ScriptStep[] {
  const orderId = 'A-1042';
  return [
    steps.tool('orders:find_order', { query: turn.text }, { order_id: orderId, status: 'shipped' }),
    steps.tool('orders:track_shipment', { order_id: orderId }, { carrier: 'DHL', eta: '2026-07-01' }, {
      metadata: { link: `https://shop.example/orders/${orderId}` },
    }),
    steps.say(`Your order **${orderId}** has shipped with DHL and should arrive on **2026-07-01**.`),
  ];
}

const BUILT_IN: Record<Exclude<ScriptName, 'auto'>, ScriptFn> = {
  echo: (turn) => [
    // One paragraph unless the customer wrote several: canned modes send a message per paragraph.
    steps.say(/\bhelp\b/i.test(turn.text) ? HELP : `You said: **${turn.text}**\nAsk for *help* to see what I can do.`),
  ],
  tool: (turn) =>
    /\border/i.test(turn.text)
      ? orderSteps(turn)
      : [
          steps.tool('bank:get_balance', { account: 'main' }, { balance: 5000.5, currency: 'USD' }, {
            metadata: { link: 'https://bank.example/accounts/main' },
          }),
          steps.say('Your balance is **$5,000.50**.'),
        ],
  canned: () => [
    steps.match({ guidelines: ['gl_return_window'], journeys: ['jr_returns'], journeyStates: ['js_returns_policy'] }),
    steps.tool('orders:return_policy', { region: 'EU' }, { window_days: 30, free_label: true }),
    steps.say(CANNED_REPLY, {
      draft: 'Items can be sent back within 30 days after delivery, and the label is free.',
      cannedResponses: [['cr_return_window', CANNED_REPLY]],
    }),
  ],
  multi: () => [
    steps.say('Sure, let me walk you through it.'),
    steps.say('1. First, open **Settings**.\n2. Then choose *Billing*.'),
    steps.say('Anything else I can help with?'),
  ],
  error: () => [steps.fail()],
  handoff: (turn) => [
    steps.tool('support:handoff_to_human', { reason: turn.text }, { queued: true }, { control: { mode: 'manual' } }),
    steps.say("I'm handing you over to a human colleague. They'll be with you shortly."),
    steps.end(),
    steps.wait(turn.timing.handoffMs),
    steps.say("Hi, I'm Dana from support. I've read the conversation, how can I help?", {
      source: 'human_agent',
      participant: { id: null, display_name: 'Dana (support)' },
    }),
  ],
  slow: (turn) => [
    steps.wait(turn.timing.slowMs),
    steps.status('processing', { stage: 'Thinking' }),
    steps.wait(turn.timing.slowMs),
    steps.say('Sorry for the wait! That took a while to think through.'),
  ],
  silent: () => [],
  stream: () => [
    steps.say('Here is a reply that arrives **word by word**, the way a streaming agent sends it.', { stream: true }),
  ],
};

/**
 * Resolves a script spec to a function; built-in scripts greet on `allow_greeting`.
 * @example const fn = resolveScript('tool');
 */
export function resolveScript(spec: ScriptSpec | undefined): ScriptFn {
  if (typeof spec === 'function') return spec;
  return (turn) => {
    if (turn.reason === 'greeting') return greetingSteps(turn);
    const name = spec === undefined || spec === 'auto' ? chooseScript(turn.text) : spec;
    return BUILT_IN[name](turn);
  };
}

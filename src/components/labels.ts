/**
 * Every text the widget shows, so a host can translate all of it. Functions receive the values
 * they need; keep them pure.
 * @example
 * const fr: Partial<ChatLabels> = { placeholder: 'Écrivez un message…', send: 'Envoyer' };
 * <ParlantChatbox server={url} agentId={id} labels={fr} />
 */
export interface ChatLabels {
  title: string;
  placeholder: string;
  send: string;
  messageInput: string;
  messages: string;
  emptyState: string;
  /** Name of the floating launcher button (a toggle; aria-expanded tells its state). */
  launcher: string;
  closeChat: string;
  unread: (count: number) => string;
  you: string;
  agent: string;
  /** Shown next to a human operator's name. */
  humanAgent: string;
  sending: string;
  /** A message that goes out on its own once it can (the network is back, a rate limit passes). */
  queued: string;
  notSent: string;
  /** Why, when the server refused the message itself (e.g. 422); never the server's own text. */
  notSentRejected: string;
  retry: string;
  deleteMessage: string;
  agentFailed: string;
  tryAgain: string;
  thinking: (stage: string | undefined) => string;
  typing: (name: string) => string;
  waiting: string;
  connection: Record<'connecting' | 'live' | 'reconnecting' | 'offline', string>;
  bannerReconnecting: string;
  bannerUnreachable: string;
  /** When the next attempt is due, next to `bannerUnreachable`. */
  retryingIn: (seconds: number) => string;
  bannerOffline: string;
  bannerEnded: string;
  bannerUnauthorized: string;
  bannerFailed: string;
  retryNow: string;
  startOver: string;
  newMessages: string;
  /** The line above the first message that arrived since the customer last looked. */
  unreadSeparator: string;
  /** The button that takes a reader who went back through a long conversation to its end. */
  latestMessages: string;
  /** The button that brings back earlier messages of a long conversation. */
  showEarlier: (hidden: number) => string;
  /** The button that brings back later messages after reading back (the DOM keeps a window). */
  showLater: (hidden: number) => string;
  toolsUsed: (count: number) => string;
  toolArguments: string;
  toolResult: string;
  tooLong: (length: number, max: number) => string;
  charactersLeft: (left: number) => string;
  composerDisabled: string;
  imageBlocked: (host: string) => string;
  /** The button on a code block that copies its text. */
  copyCode: string;
  /** Said politely, and shown on that button for a moment, once the code is on the clipboard. */
  copied: string;
  /** Name of a table's scrolling region, made from its column headers. */
  table: (headers: string[]) => string;
  showMore: string;
  humanJoined: (name: string) => string;
  /** In the header while a human operator has the conversation. */
  humanInCharge: (name: string) => string;
  /** In the conversation where the agent answers again after a human operator. */
  agentBack: (agent: string) => string;
  /** Name of the row of actions under a message. */
  messageActions: string;
  copyMessage: string;
  /** Thumbs up and down on an agent reply. */
  helpful: string;
  notHelpful: string;
  /** The optional reason after a verdict, and its buttons. */
  feedbackReason: string;
  sendFeedback: string;
  skipFeedback: string;
  /** Said politely once feedback is given. */
  feedbackThanks: string;
  /** The header button that saves the conversation as a file. */
  downloadTranscript: string;
  /** The header button that opens the search, and the search field's name. */
  search: string;
  /** Where the search stands: `current` of `total` messages found (counted from the newest), or none. Said politely. */
  searchResults: (current: number, total: number) => string;
  /** While a long conversation is still being read for the search. */
  searching: string;
  /** The button that steps to the earlier message found (Enter in the field). */
  searchEarlier: string;
  /** The button that steps to the later message found (Shift+Enter in the field). */
  searchLater: string;
  /** The button that closes the search (Escape in the field). */
  closeSearch: string;
}

/** English defaults. @example const labels = { ...defaultLabels, send: 'Go' }; */
export const defaultLabels: ChatLabels = {
  title: 'Chat',
  placeholder: 'Write a message…',
  send: 'Send',
  messageInput: 'Message',
  messages: 'Conversation',
  emptyState: 'Ask us anything. We usually answer right away.',
  launcher: 'Chat',
  closeChat: 'Close chat',
  unread: (count) => (count === 1 ? '1 unread message' : `${count} unread messages`),
  you: 'You',
  agent: 'Agent',
  humanAgent: 'Support team',
  sending: 'Sending…',
  queued: 'Waiting to send…',
  notSent: 'Not sent',
  notSentRejected: 'The server didn’t accept this message.',
  retry: 'Retry',
  deleteMessage: 'Delete',
  agentFailed: 'The agent couldn’t reply to this message.',
  tryAgain: 'Try again',
  thinking: (stage) => (stage ? `Thinking (${stage.toLowerCase()})…` : 'Thinking…'),
  typing: (name) => `${name} is typing…`,
  waiting: 'Waiting for a reply…',
  connection: { connecting: 'Connecting…', live: 'Online', reconnecting: 'Reconnecting…', offline: 'Offline' },
  bannerReconnecting: 'Connection lost. Reconnecting…',
  bannerUnreachable: 'Can’t reach the server.',
  retryingIn: (seconds) => `Retrying in ${seconds} s.`,
  bannerOffline: 'You’re offline. Waiting for the network…',
  bannerEnded: 'This conversation has ended.',
  bannerUnauthorized: 'You’re not allowed to use this chat right now.',
  bannerFailed: 'The chat can’t connect. Please try again later.',
  retryNow: 'Retry now',
  startOver: 'Start a new conversation',
  newMessages: 'New messages',
  unreadSeparator: 'New messages',
  latestMessages: 'Latest messages',
  showEarlier: (hidden) => (hidden === 1 ? 'Show 1 earlier message' : `Show earlier messages (${hidden} more)`),
  showLater: (hidden) => (hidden === 1 ? 'Show 1 later message' : `Show later messages (${hidden} more)`),
  toolsUsed: (count) => (count === 1 ? '1 tool used' : `${count} tools used`),
  toolArguments: 'Arguments',
  toolResult: 'Result',
  tooLong: (length, max) => `Message too long: ${length} of ${max} characters.`,
  charactersLeft: (left) => (left === 1 ? '1 character left' : `${left} characters left`),
  composerDisabled: 'The chat is unavailable.',
  imageBlocked: (host) => `Image from ${host}`,
  copyCode: 'Copy code',
  copied: 'Copied',
  table: (headers) => {
    const named = headers.filter(Boolean);
    return named.length === 0 ? 'Table' : `Table: ${named.slice(0, 4).join(', ')}${named.length > 4 ? ', …' : ''}`;
  },
  showMore: 'Show more',
  humanJoined: (name) => `${name} joined the conversation`,
  humanInCharge: (name) => `You’re now chatting with ${name}`,
  agentBack: (agent) => `${agent} is back in the conversation`,
  messageActions: 'Message actions',
  copyMessage: 'Copy message',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  feedbackReason: 'Anything to add? (optional)',
  sendFeedback: 'Send',
  skipFeedback: 'Skip',
  feedbackThanks: 'Thanks for your feedback',
  downloadTranscript: 'Download the conversation',
  search: 'Search the conversation',
  searchResults: (current, total) => (total === 0 ? 'No results' : `${current} of ${total}`),
  searching: 'Searching…',
  searchEarlier: 'Earlier result',
  searchLater: 'Later result',
  closeSearch: 'Close search',
};

/**
 * The texts of the inspector (`parlant-chatbox/inspect`), given through the same `labels` prop.
 * Kept apart from `ChatLabels` so the widget's own bundle carries none of them.
 * @example
 * const fr: Partial<InspectLabels> = { inspect: 'Inspecter', inspectTrace: 'Trace' };
 * <ParlantChatbox server={url} agentId={id} inspect={Inspector} labels={fr} />
 */
export interface InspectLabels {
  /** The summary that opens a message's inspector. */
  inspect: string;
  /** Before the trace id the turn's events share. */
  inspectTrace: string;
  /** Before the message's event id. */
  inspectEvent: string;
  /** An agent reply made of canned responses (their ids). */
  inspectCanned: (ids: string[]) => string;
  /** An agent reply whose draft went out as written (a `draft`, no canned response chosen). */
  inspectDraftOnly: string;
  /** An agent reply with neither `draft` nor `canned_responses` (fluid composition). */
  inspectGenerated: string;
  /** Heading of the draft the engine wrote before choosing a canned response. */
  inspectDraft: string;
  /** Heading of the chosen canned responses (`[id, text]` pairs). */
  inspectCannedResponses: string;
  /** Moderation flagged the customer's message of the turn (or this one, for a customer's), with its tags. */
  inspectFlagged: (tags: string[]) => string;
  /** Moderation did not flag it. */
  inspectNotFlagged: string;
  /** Tags on the message itself (a preamble's tag, moderation tags). */
  inspectTags: (tags: string[]) => string;
  /** Heading of the turn's tool calls. */
  inspectToolCalls: (count: number) => string;
  /** Heading of the `ready` status data that ended the turn. */
  inspectReady: string;
  /** In place of that data while the turn is still running. */
  inspectReadyPending: string;
  /** The guideline ids that `ready` says matched. */
  inspectGuidelines: (ids: string[]) => string;
  /** The journey ids that `ready` says matched. */
  inspectJourneys: (ids: string[]) => string;
  /** The journey state ids that `ready` says matched. */
  inspectJourneyStates: (ids: string[]) => string;
}

const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.join(', '));

/** English texts of the inspector. @example const labels = { ...defaultInspectLabels, inspect: 'Debug' }; */
export const defaultInspectLabels: InspectLabels = {
  inspect: 'Inspect',
  inspectTrace: 'Trace',
  inspectEvent: 'Event',
  inspectCanned: (ids) => `Canned response (${ids.join(', ')})`,
  inspectDraftOnly: 'Draft sent as written (no canned response chosen)',
  inspectGenerated: 'Generated (no draft or canned response)',
  inspectDraft: 'Draft',
  inspectCannedResponses: 'Canned responses',
  inspectFlagged: (tags) => (tags.length === 0 ? 'Flagged by moderation' : `Flagged by moderation: ${tags.join(', ')}`),
  inspectNotFlagged: 'Not flagged by moderation',
  inspectTags: (tags) => `Tags: ${tags.join(', ')}`,
  inspectToolCalls: (count) => (count === 0 ? 'No tool calls' : count === 1 ? '1 tool call' : `${count} tool calls`),
  inspectReady: 'Ready status',
  inspectReadyPending: 'The turn has not ended yet',
  inspectGuidelines: (ids) => `Matched guidelines: ${list(ids)}`,
  inspectJourneys: (ids) => `Matched journeys: ${list(ids)}`,
  inspectJourneyStates: (ids) => `Journey states: ${list(ids)}`,
};

import { normalizeServer } from '../core/client';

/**
 * Fails fast, with a message a developer can act on, when the widget cannot possibly work. The
 * server URL is checked by the same rule the client applies.
 * @example validateProps({ server: 'https://agents.example.com', agentId: 'a1' });
 */
export function validateProps(props: { server?: unknown; agentId?: unknown; client?: unknown; variant?: unknown; colorScheme?: unknown; readOffset?: unknown }): void {
  if (!props.client) {
    try {
      normalizeServer(props.server as string);
    } catch (error) {
      throw new TypeError(`<ParlantChatbox>: ${(error as Error).message.replace(/^parlant-chatbox: /, '')}`);
    }
  }
  if (typeof props.agentId !== 'string' || props.agentId.trim() === '') {
    throw new TypeError('<ParlantChatbox>: the `agentId` prop is required (GET /agents on your Parlant server lists the ids).');
  }
  if (props.variant !== undefined && props.variant !== 'inline' && props.variant !== 'floating') {
    throw new TypeError(`<ParlantChatbox>: \`variant\` must be "inline" or "floating", got "${String(props.variant)}".`);
  }
  if (props.colorScheme !== undefined && !['light', 'dark', 'auto'].includes(props.colorScheme as string)) {
    throw new TypeError(`<ParlantChatbox>: \`colorScheme\` must be "light", "dark" or "auto", got "${String(props.colorScheme)}".`);
  }
  if (props.readOffset !== undefined && !(Number.isInteger(props.readOffset) && (props.readOffset as number) >= -1)) {
    throw new TypeError(`<ParlantChatbox>: \`readOffset\` must be an event offset (an integer, as \`onReadChange\` reported it), got ${JSON.stringify(props.readOffset)}.`);
  }
}

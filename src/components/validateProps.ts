/**
 * Fails fast, with a message a developer can act on, when the widget cannot possibly work.
 * @example validateProps({ server: 'https://agents.example.com', agentId: 'a1' });
 */
export function validateProps(props: { server?: unknown; agentId?: unknown; client?: unknown; variant?: unknown; colorScheme?: unknown }): void {
  if (!props.client) {
    if (typeof props.server !== 'string' || props.server.trim() === '') {
      throw new TypeError('<ParlantChatbox>: the `server` prop is required, e.g. server="https://agents.example.com".');
    }
    if (!/^https?:\/\/[^\s/]+/i.test(props.server.trim())) {
      throw new TypeError(`<ParlantChatbox>: \`server\` must be an absolute http(s) URL, got "${props.server}".`);
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
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Returns a URL that is safe to put in `href`, or `null`. Only absolute http(s) and mailto URLs
 * pass; `javascript:`, `vbscript:`, `data:`, relative and malformed ones never do, whatever their
 * case, entities or embedded control characters.
 * @example safeLinkUrl('JaVaScRiPt:alert(1)') // null
 */
export function safeLinkUrl(raw: string): string | null {
  const cleaned = raw.replace(/[\p{Cc}\s]+/gu, '');
  if (cleaned === '') return null;
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return null;
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/**
 * Returns an image URL only when its origin is on the host's allow-list (remote images are
 * otherwise a way to leak the conversation to whoever the agent was tricked into naming).
 * @example safeImageUrl('https://cdn.example.com/a.png', ['https://cdn.example.com']) // 'https://cdn.example.com/a.png'
 */
export function safeImageUrl(raw: string, allowedOrigins: readonly string[]): string | null {
  const href = safeLinkUrl(raw);
  if (!href || href.startsWith('mailto:')) return null;
  const origin = new URL(href).origin;
  return allowedOrigins.some((allowed) => allowed.replace(/\/+$/, '') === origin) ? href : null;
}

/**
 * The host name to show next to a link, so its text cannot disguise where it goes.
 * @example linkHost('https://bank.example/x') // 'bank.example'
 */
export function linkHost(href: string): string {
  try {
    const url = new URL(href);
    return url.protocol === 'mailto:' ? url.pathname : url.host;
  } catch {
    return '';
  }
}

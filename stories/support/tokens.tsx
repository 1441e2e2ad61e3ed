/**
 * The `--parlant-*` design tokens as documentation data, and the table that shows them (used by
 * Tokens.mdx; the Design tokens story checks the list against tokens.css).
 */
import type { ParlantTheme } from '../../src';

/** One documented token. */
export interface TokenDoc {
  name: `--parlant-${string}`;
  /** Its key in the `theme` prop, or null when only CSS can set it. */
  themeKey: keyof ParlantTheme | null;
  light: string;
  /** Dark value when it differs from the light one. */
  dark?: string;
  use: string;
}

/**
 * Color tokens; their dark values apply with `colorScheme="dark"` (or `auto` in a dark system).
 * Values are what the stylesheet resolves to in each scheme, however it is written.
 */
export const COLOR_TOKENS: TokenDoc[] = [
  { name: '--parlant-accent', themeKey: 'accent', light: '#2f54eb', dark: '#7c9dff', use: 'Customer bubbles, Send button, launcher, “New messages” button' },
  { name: '--parlant-accent-text', themeKey: 'accentText', light: '#ffffff', dark: '#0b1020', use: 'Text and icons on the accent color' },
  { name: '--parlant-background', themeKey: 'background', light: '#ffffff', dark: '#15181d', use: 'The panel and the message box' },
  { name: '--parlant-surface', themeKey: 'surface', light: '#f4f5f7', dark: '#22262e', use: 'Agent bubbles, disabled message box, hovered icon buttons' },
  { name: '--parlant-text', themeKey: 'text', light: '#1b1f24', dark: '#eef0f3', use: 'Body text' },
  { name: '--parlant-muted-text', themeKey: 'mutedText', light: '#5b6470', dark: '#a5adb9', use: 'Names, times, status line, connection state, footnotes, empty state' },
  { name: '--parlant-border', themeKey: 'border', light: '#dfe2e7', dark: '#343a44', use: 'Panel, header, composer and footnote borders' },
  { name: '--parlant-customer-bubble', themeKey: 'customerBubble', light: 'var(--parlant-accent)', use: 'The customer’s bubbles' },
  { name: '--parlant-customer-text', themeKey: 'customerText', light: 'var(--parlant-accent-text)', use: 'Text in the customer’s bubbles' },
  { name: '--parlant-agent-bubble', themeKey: 'agentBubble', light: 'var(--parlant-surface)', use: 'The AI agent’s bubbles' },
  { name: '--parlant-agent-text', themeKey: 'agentText', light: 'var(--parlant-text)', use: 'Text in the AI agent’s bubbles' },
  { name: '--parlant-human-bubble', themeKey: 'humanBubble', light: '#fff4d6', dark: '#3a3117', use: 'A human operator’s bubbles and name badge' },
  { name: '--parlant-human-text', themeKey: null, light: '#3d2f00', dark: '#fbefc9', use: 'Text in a human operator’s bubbles and badge' },
  { name: '--parlant-danger', themeKey: 'danger', light: '#b42318', dark: '#ff8a80', use: '“Not sent”, failed replies, the too-long hint, a failed bubble’s outline' },
  { name: '--parlant-danger-surface', themeKey: null, light: '#fdecea', dark: '#3a1d1b', use: 'Banner of an ended, refused or failed conversation' },
  { name: '--parlant-warning-surface', themeKey: null, light: '#fff4d6', dark: '#3a3117', use: 'Banner while reconnecting or offline' },
  { name: '--parlant-focus-ring', themeKey: 'focusRing', light: '#2f54eb', dark: '#9db5ff', use: 'Keyboard focus outline' },
  { name: '--parlant-code-surface', themeKey: null, light: 'rgba(15, 23, 42, 0.07)', dark: 'rgba(255, 255, 255, 0.08)', use: 'Code spans and blocks in messages' },
  { name: '--parlant-search-highlight', themeKey: 'searchHighlight', light: '#fde68a', dark: '#854d0e', use: 'Behind text the conversation search found' },
  { name: '--parlant-search-highlight-text', themeKey: 'searchHighlightText', light: '#1b1f24', dark: '#fef3c7', use: 'Text the conversation search found' },
];

/** Shape, type, layout and motion tokens. */
export const LAYOUT_TOKENS: TokenDoc[] = [
  { name: '--parlant-radius', themeKey: 'radius', light: '16px', use: 'Panel corners' },
  { name: '--parlant-bubble-radius', themeKey: 'bubbleRadius', light: '18px', use: 'Bubble corners' },
  { name: '--parlant-spacing', themeKey: 'spacing', light: '12px', use: 'Base padding and gaps of header, list and composer' },
  { name: '--parlant-font-family', themeKey: 'fontFamily', light: 'inherit', use: 'The widget’s font: the page’s, unless set' },
  { name: '--parlant-font-size', themeKey: 'fontSize', light: '15px', use: 'Base text size; every other size is relative to it' },
  { name: '--parlant-line-height', themeKey: null, light: '1.45', use: 'Line height of body text' },
  {
    name: '--parlant-shadow',
    themeKey: 'shadow',
    light: '0 12px 40px rgba(15, 23, 42, 0.18), 0 2px 8px rgba(15, 23, 42, 0.08)',
    dark: '0 12px 40px rgba(0, 0, 0, 0.55), 0 2px 8px transparent',
    use: 'Floating panel, launcher, “New messages” button',
  },
  { name: '--parlant-width', themeKey: 'width', light: '380px', use: 'Floating panel width (at most the viewport minus 40px)' },
  { name: '--parlant-height', themeKey: 'height', light: '600px', use: 'Floating panel height (at most the viewport minus 120px)' },
  { name: '--parlant-z-index', themeKey: 'zIndex', light: '2147483000', use: 'Stacking order of the floating widget' },
  { name: '--parlant-duration', themeKey: null, light: '160ms', use: 'Transitions (0ms when the user prefers reduced motion)' },
];

const cell = { padding: '6px 10px', borderBottom: '1px solid #dfe2e7', textAlign: 'start', verticalAlign: 'top' } as const;
const code = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 } as const;

function Swatch({ value }: { value: string }) {
  // Only literal colors get a swatch; `var(...)`, lengths and shadows are shown as text.
  if (!/^(#|rgba?\()/.test(value)) return null;
  return (
    <span
      aria-hidden="true"
      style={{ display: 'inline-block', width: 14, height: 14, marginInlineEnd: 6, verticalAlign: '-2px', borderRadius: 3, border: '1px solid #8a93a0', background: value }}
    />
  );
}

/**
 * A table of tokens: name, `theme` key, light and dark values (with swatches), and where each
 * is used.
 * @example <TokenTable tokens={COLOR_TOKENS} caption="Colors" />
 */
export function TokenTable({ tokens, caption }: { tokens: TokenDoc[]; caption: string }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14, color: '#1b1f24' }}>
      <caption style={{ textAlign: 'start', fontWeight: 600, padding: '6px 0' }}>{caption}</caption>
      <thead>
        <tr>
          {['Token', 'theme key', 'Default', 'Dark', 'Used for'].map((title) => (
            <th key={title} scope="col" style={cell}>
              {title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.name}>
            <th scope="row" style={{ ...cell, ...code, fontWeight: 400, whiteSpace: 'nowrap' }}>
              {token.name}
            </th>
            <td style={{ ...cell, ...code }}>{token.themeKey ?? <span style={{ fontFamily: 'inherit' }}>CSS only</span>}</td>
            <td style={{ ...cell, ...code }}>
              <Swatch value={token.light} />
              {token.light}
            </td>
            <td style={{ ...cell, ...code }}>
              {token.dark ? (
                <>
                  <Swatch value={token.dark} />
                  {token.dark}
                </>
              ) : (
                <span style={{ fontFamily: 'inherit' }}>same</span>
              )}
            </td>
            <td style={cell}>{token.use}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import type { CSSProperties } from 'react';

/**
 * Design tokens a host may set through the `theme` prop; each maps to a `--parlant-*` CSS custom
 * property (e.g. `accent` → `--parlant-accent`), which a stylesheet can set just as well.
 * @example const theme: ParlantTheme = { accent: '#0f766e', radius: '4px', fontFamily: 'Inter, sans-serif' };
 */
export interface ParlantTheme {
  accent?: string;
  accentText?: string;
  background?: string;
  surface?: string;
  text?: string;
  mutedText?: string;
  border?: string;
  customerBubble?: string;
  customerText?: string;
  agentBubble?: string;
  agentText?: string;
  humanBubble?: string;
  humanText?: string;
  danger?: string;
  dangerSurface?: string;
  warningSurface?: string;
  codeSurface?: string;
  /** Behind the text the conversation search found, and that text. */
  searchHighlight?: string;
  searchHighlightText?: string;
  focusRing?: string;
  radius?: string;
  bubbleRadius?: string;
  spacing?: string;
  fontFamily?: string;
  fontSize?: string;
  lineHeight?: string;
  shadow?: string;
  width?: string;
  height?: string;
  zIndex?: string;
  /** Transition length (`0ms` turns animation off; `prefers-reduced-motion` does that already). */
  duration?: string;
}

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Turns theme values into inline custom properties. React applies them through the CSSOM, which a
 * strict Content-Security-Policy allows (no `unsafe-inline` needed).
 * @example themeStyle({ accent: 'teal' }) // { '--parlant-accent': 'teal' }
 */
export function themeStyle(theme: ParlantTheme | undefined): CSSProperties {
  const style: Record<string, string> = {};
  if (!theme) return style;
  for (const [key, value] of Object.entries(theme)) {
    if (typeof value === 'string' && value !== '') style[`--parlant-${kebab(key)}`] = value;
  }
  return style as CSSProperties;
}

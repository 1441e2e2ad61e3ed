import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParlantTheme } from '../../src';
import { themeStyle } from '../../src/components/theme';

const tokens = readFileSync(resolve(__dirname, '../../src/styles/tokens.css'), 'utf8');
const declared = new Set([...tokens.matchAll(/(--parlant-[a-z-]+)\s*:/g)].map((m) => m[1] as string));

// Every key, or TypeScript refuses this object: a key added to the type must be added here.
const everyKey: Required<ParlantTheme> = {
  accent: '1', accentText: '2', background: '3', surface: '4', text: '5', mutedText: '6', border: '7',
  customerBubble: '8', customerText: '9', agentBubble: '10', agentText: '11', humanBubble: '12', humanText: '13',
  danger: '14', dangerSurface: '15', warningSurface: '16', codeSurface: '17', focusRing: '18', radius: '19',
  bubbleRadius: '20', spacing: '21', fontFamily: '22', fontSize: '23', lineHeight: '24', shadow: '25',
  width: '26', height: '27', zIndex: '28', duration: '29', searchHighlight: '30', searchHighlightText: '31',
};

describe('the theme prop', () => {
  it('has a key for every token the stylesheet declares, and every key sets a declared token', () => {
    const set = Object.keys(themeStyle(everyKey));
    expect(set.filter((name) => !declared.has(name))).toEqual([]);
    expect([...declared].filter((name) => !set.includes(name))).toEqual([]);
  });

  it('skips empty and non-string values', () => {
    expect(themeStyle({ accent: '', radius: 4 as unknown as string, text: '#111' })).toEqual({ '--parlant-text': '#111' });
  });
});

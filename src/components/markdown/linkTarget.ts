/**
 * The `(url "title")` part of a link. Destinations may hold balanced parentheses one level deep
 * (`https://en.wikipedia.org/wiki/Rust_(language)`). Many links can share the tail of a text
 * (`[a](b(c)[a](b(c)…`), so what was found after each `(` is remembered: every character is
 * scanned a bounded number of times however many links try to end there.
 */
import { isSpace } from './ast';
import { Positions } from './positions';

/** What one text's link targets have found so far; create one per text. */
export interface TargetMemo {
  /** `(` inside a destination → where the destination that reaches it ends. */
  groups: Positions;
  /** Destination end → index after the target's `)`, or -1. */
  tails: Positions;
}

/** A fresh memo for `text`. @example const memo = createTargetMemo(text); */
export function createTargetMemo(text: string): TargetMemo {
  return { groups: new Positions(text.length), tails: new Positions(text.length) };
}

const endsDestination = (ch: string) => ch === '(' || ch === ')' || ch === '<' || ch === '>' || isSpace(ch);
const endsGroup = (ch: string) => ch === '(' || ch === ')' || isSpace(ch);
const notSpace = (ch: string) => !isSpace(ch);

function scanUntil(text: string, from: number, stop: (ch: string) => boolean): number {
  let i = from;
  while (i < text.length && !stop(text[i] as string)) i += 1;
  return i;
}

function destinationEnd(text: string, from: number, groups: Positions): number {
  const chain: number[] = [];
  let end = scanUntil(text, from, endsDestination);
  while (text[end] === '(') {
    const known = groups.get(end);
    if (known !== undefined) {
      end = known;
      break;
    }
    chain.push(end);
    const close = scanUntil(text, end + 1, endsGroup);
    if (text[close] !== ')') break;
    end = scanUntil(text, close + 1, endsDestination);
  }
  for (const group of chain) groups.set(group, end);
  return end;
}

/** After the destination: an optional `>`, an optional quoted title, spaces, then `)`. */
function tailEnd(text: string, from: number): number {
  const afterAngle = text[from] === '>' ? from + 1 : from;
  const next = scanUntil(text, afterAngle, notSpace);
  const quote = text[next];
  if (next > afterAngle && (quote === '"' || quote === "'")) {
    const close = text.indexOf(quote, next + 1);
    const paren = close < 0 ? -1 : scanUntil(text, close + 1, notSpace);
    return paren >= 0 && text[paren] === ')' ? paren + 1 : -1;
  }
  return text[next] === ')' ? next + 1 : -1;
}

/**
 * Parses the link target whose `(` is at `open`: the URL and the index after the closing `)`,
 * or `null` when there is no well-formed target there.
 * @example
 * const text = '[a](https://x.example "X") b';
 * linkTarget(text, 3, createTargetMemo(text)) // { href: 'https://x.example', end: 26 }
 */
export function linkTarget(text: string, open: number, memo: TargetMemo): { href: string; end: number } | null {
  let start = scanUntil(text, open + 1, notSpace);
  if (text[start] === '<') start += 1;
  const end = destinationEnd(text, start, memo.groups);
  let after = memo.tails.get(end);
  if (after === undefined) {
    after = tailEnd(text, end);
    memo.tails.set(end, after);
  }
  return after < 0 ? null : { href: text.slice(start, end), end: after };
}

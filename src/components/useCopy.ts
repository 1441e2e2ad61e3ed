import { useEffect, useState } from 'react';

/** How long a copy button says "Copied". */
const COPIED_MS = 2000;

/**
 * Copies text to the clipboard on request, and says so for a moment. The clipboard API needs a
 * secure context and the page's permission; where it is missing or refuses, `fallback` runs
 * instead (select the text, so the reader can copy it with the keyboard).
 * @example const { copied, copy } = useCopy(() => message.text, selectBubble);
 */
export function useCopy(text: () => string, fallback: () => void): { copied: boolean; copy(): void } {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = () => {
    const clipboard = (globalThis.navigator as Navigator | undefined)?.clipboard as Clipboard | undefined;
    if (typeof clipboard?.writeText !== 'function') return fallback();
    clipboard.writeText(text()).then(() => setCopied(true), fallback);
  };
  return { copied, copy };
}

/**
 * Selects everything inside an element (the fallback when the clipboard is not available).
 * @example selectContents(codeElement);
 */
export function selectContents(element: Element | null): void {
  const selection = window.getSelection();
  if (element && selection) selection.selectAllChildren(element);
}

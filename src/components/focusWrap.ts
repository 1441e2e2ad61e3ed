const TABBABLE = 'a[href], button:not(:disabled), textarea:not(:disabled), input:not(:disabled), select:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside a modal container: Tab on its last control goes to the first, Shift+Tab on
 * the first goes to the last. Call it from the container's keydown handler for Tab. Only what
 * is rendered counts (a collapsed footnote's content does not).
 * @example onKeyDown={(e) => e.key === 'Tab' && wrapFocus(panel.current, e)}
 */
export function wrapFocus(container: HTMLElement | null, event: { shiftKey: boolean; preventDefault(): void }): void {
  if (!container) return;
  const controls = Array.from(container.querySelectorAll<HTMLElement>(TABBABLE)).filter((el) => el.getClientRects().length > 0);
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (active !== (event.shiftKey ? first : last) && container.contains(active)) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

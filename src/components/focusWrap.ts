/**
 * Keeps Tab inside a modal container: Tab on its last control goes to the first, Shift+Tab on
 * the first goes to the last. Call it from the container's keydown handler for Tab. What Tab
 * reaches is what the browser says (`tabIndex` 0 or more, not disabled, rendered: a collapsed
 * footnote's content is not).
 * @example onKeyDown={(e) => e.key === 'Tab' && wrapFocus(panel.current, e)}
 */
export function wrapFocus(container: HTMLElement | null, event: { shiftKey: boolean; preventDefault(): void }): void {
  const controls = Array.from(container?.querySelectorAll<HTMLElement>('*') ?? []).filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls[controls.length - 1];
  const active = document.activeElement;
  if (!first || !last || (active !== (event.shiftKey ? first : last) && container?.contains(active))) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

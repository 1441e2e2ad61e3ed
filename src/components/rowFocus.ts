import type { KeyboardEvent } from 'react';

/**
 * Arrow keys move the focus from message to message in the conversation, so the actions under
 * each message can stay out of the tab order (a conversation of 200 rendered messages would
 * otherwise be hundreds of tab stops between the page and the composer). From the list itself,
 * ArrowDown goes to the first message on screen and ArrowUp to the last; Tab from a focused
 * message reaches its actions. Keys typed into a field (the feedback form) are left alone.
 * @example <div onKeyDown={moveBetweenRows} tabIndex={0}>…</div>
 */
export function moveBetweenRows(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const target = event.target as HTMLElement;
  if (target.closest('textarea, input, [contenteditable="true"], pre, [role="region"]')) return;
  const list = event.currentTarget;
  const rows = [...list.querySelectorAll<HTMLElement>('li.parlant-message')];
  if (rows.length === 0) return;
  const down = event.key === 'ArrowDown';
  const current = target.closest<HTMLElement>('li.parlant-message');
  let next: HTMLElement | undefined;
  if (current) next = rows[rows.indexOf(current) + (down ? 1 : -1)];
  else if (target === list) next = (down ? rows.find((row) => visible(row, list)) : rows.findLast((row) => visible(row, list))) ?? (down ? rows[0] : rows.at(-1));
  if (!next) return;
  event.preventDefault();
  // Focusing scrolls the message into view only when it is not already.
  next.focus();
}

function visible(row: HTMLElement, list: HTMLElement): boolean {
  const box = row.getBoundingClientRect();
  const view = list.getBoundingClientRect();
  return box.bottom > view.top && box.top < view.bottom;
}

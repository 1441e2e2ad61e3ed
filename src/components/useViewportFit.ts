import { useLayoutEffect, type RefObject } from 'react';

/** More hidden than this is an on-screen keyboard, not a browser toolbar. */
const KEYBOARD_PX = 100;

/**
 * While `active`, fits the element to the visual viewport: the part of the page the customer
 * actually sees. An on-screen keyboard shrinks only the visual viewport (Android Chrome by
 * default; iOS Safari overlays it and pans the page), so a sheet sized to the layout viewport
 * would have its composer under the keys. Sets `--parlant-viewport-height` and
 * `--parlant-viewport-top` on the element (phone.css sizes the sheet with them) and
 * `data-keyboard` while a keyboard takes part of the screen.
 *
 * The conversation keeps its bottom edge where it was: what the reader saw just above the
 * composer stays there as the keyboard opens (the newest message, when they were at the end).
 * Pinch zoom also shrinks the visual viewport; then nothing is chased, the reader is zooming.
 * @example useViewportFit(panelRef, open && narrow);
 */
export function useViewportFit(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const element = ref.current;
    const viewport = typeof visualViewport === 'object' ? visualViewport : null;
    if (!active || !element || !viewport) return;
    let height = -1;
    const fit = () => {
      const zoomed = viewport.scale > 1.01;
      element.style.setProperty('--parlant-viewport-top', `${zoomed ? 0 : viewport.offsetTop}px`);
      const next = zoomed ? 0 : viewport.height;
      if (next === height) return;
      // Only on a change of size: setting scrollTop on every pan would stop a fling mid-way.
      const scrollers = Array.from(element.querySelectorAll<HTMLElement>('.parlant-scroller'), (el) => [el, el.scrollHeight - el.scrollTop - el.clientHeight] as const);
      height = next;
      if (zoomed) element.style.removeProperty('--parlant-viewport-height');
      else element.style.setProperty('--parlant-viewport-height', `${next}px`);
      element.toggleAttribute('data-keyboard', !zoomed && document.documentElement.clientHeight - next > KEYBOARD_PX);
      for (const [el, fromBottom] of scrollers) el.scrollTop = el.scrollHeight - el.clientHeight - fromBottom;
    };
    fit();
    viewport.addEventListener('resize', fit);
    viewport.addEventListener('scroll', fit);
    return () => {
      viewport.removeEventListener('resize', fit);
      viewport.removeEventListener('scroll', fit);
      element.style.removeProperty('--parlant-viewport-top');
      element.style.removeProperty('--parlant-viewport-height');
      element.removeAttribute('data-keyboard');
    };
  }, [ref, active]);
}

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
 * @example useViewportFit(panelRef, open && narrow);
 */
export function useViewportFit(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useLayoutEffect(() => {
    const element = ref.current;
    const viewport = window.visualViewport;
    if (!active || !element || !viewport) return;
    let height = -1;
    const fit = () => {
      // Pinch zoom shrinks the visual viewport too; the reader is zooming, not typing.
      if (viewport.scale > 1.01) return;
      element.style.setProperty('--parlant-viewport-top', `${viewport.offsetTop}px`);
      if (viewport.height === height) return;
      // Only on a change of size: setting scrollTop on every pan would stop a fling mid-way.
      const scrollers = Array.from(element.querySelectorAll<HTMLElement>('.parlant-scroller'), (el) => [el, el.scrollHeight - el.scrollTop - el.clientHeight] as const);
      height = viewport.height;
      element.style.setProperty('--parlant-viewport-height', `${height}px`);
      element.toggleAttribute('data-keyboard', document.documentElement.clientHeight - height > KEYBOARD_PX);
      for (const [el, fromBottom] of scrollers) el.scrollTop = el.scrollHeight - el.clientHeight - fromBottom;
    };
    fit();
    viewport.addEventListener('resize', fit);
    viewport.addEventListener('scroll', fit);
    return () => {
      viewport.removeEventListener('resize', fit);
      viewport.removeEventListener('scroll', fit);
      // The element's inline style holds nothing but the two properties set here.
      element.removeAttribute('style');
      element.removeAttribute('data-keyboard');
    };
  }, [ref, active]);
}

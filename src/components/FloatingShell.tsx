import { useEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { wrapFocus } from './focusWrap';
import { Launcher } from './Launcher';
import { useChatUi } from './ui';
import { useMediaQuery } from './useMediaQuery';
import { useModalSheet } from './useModalSheet';
import { useViewportFit } from './useViewportFit';

/**
 * Where the open panel becomes a full-screen sheet: a phone held upright (narrow) or on its side
 * (short). A card there would leave a sliver of page around it and no room for the keyboard.
 */
const SHEET_QUERY = '(max-width: 640px), (max-height: 500px)';

/** Props of {@link FloatingShell}. @example const p: Pick<FloatingShellProps, 'panelId'> = { panelId: 'chat' }; */
export interface FloatingShellProps {
  rootProps: HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | undefined>;
  panelId: string;
  open: boolean | undefined;
  defaultOpen: boolean | undefined;
  onOpenChange: ((open: boolean) => void) | undefined;
  /** Renders the panel, which reports its unread count for the launcher through `onUnreadChange`. */
  children: (panel: { open: boolean; close: () => void; inputRef: RefObject<HTMLTextAreaElement | null>; onUnreadChange: (count: number) => void }) => ReactNode;
}

/**
 * The floating variant: a launcher in a corner and a panel above it. Opening moves focus to the
 * message box; Escape or the close button closes and returns focus to the launcher. While closed,
 * the launcher counts new messages from the agent's side. Open state may be controlled.
 *
 * On a phone-sized screen the open panel is a modal full-screen sheet (`data-sheet` on the
 * root): the launcher hides, the page behind stops scrolling, Tab stays inside, the sheet follows
 * the on-screen keyboard, and Android's Back closes it like Escape does.
 * @example
 * <FloatingShell rootProps={{}} panelId="p" open={undefined} defaultOpen={false} onOpenChange={undefined}>
 *   {(close) => <ChatPanel onClose={close} />}
 * </FloatingShell>
 */
export function FloatingShell({ rootProps, panelId, open: controlled, defaultOpen = false, onOpenChange, children }: FloatingShellProps) {
  const { components } = useChatUi();
  const Button = components.Launcher ?? Launcher;
  const [uncontrolled, setUncontrolled] = useState(defaultOpen);
  const open = controlled ?? uncontrolled;
  const launcher = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [unread, setUnread] = useState(0);
  const wasOpen = useRef(open);
  const sheet = useMediaQuery(SHEET_QUERY) && open;

  const setOpen = (next: boolean) => {
    if (controlled === undefined) setUncontrolled(next);
    onOpenChange?.(next);
  };
  useModalSheet(sheet, () => setOpen(false));
  useViewportFit(panel, sheet);

  useEffect(() => {
    if (open && !wasOpen.current) input.current?.focus();
    if (!open && wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      // Handled: the browser must not also turn this Escape into a close request (useModalSheet).
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Tab' && sheet) {
      wrapFocus(panel.current, event);
    }
  };

  return (
    <div {...rootProps} data-state={open ? 'open' : 'closed'} data-sheet={sheet ? '' : undefined} onKeyDown={onKeyDown}>
      {/* The sheet hides the whole page, so it is a modal dialog; the card beside the page is not. */}
      <div ref={panel} className="parlant-floating-panel" hidden={!open} {...(sheet && { role: 'dialog', 'aria-modal': true, 'aria-labelledby': panelId })}>
        {children({ open, close: () => setOpen(false), inputRef: input, onUnreadChange: setUnread })}
      </div>
      <Button ref={launcher} open={open} unread={open ? 0 : unread} panelId={panelId} onClick={() => setOpen(!open)} />
    </div>
  );
}


import { useEffect, useRef, useState, type HTMLAttributes, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useParlant } from '../react/ParlantProvider';
import { Launcher } from './Launcher';
import { useChatUi } from './ui';

/** Props of {@link FloatingShell}. @example const p: Pick<FloatingShellProps, 'panelId'> = { panelId: 'chat' }; */
export interface FloatingShellProps {
  rootProps: HTMLAttributes<HTMLDivElement> & Record<`data-${string}`, string | undefined>;
  panelId: string;
  open: boolean | undefined;
  defaultOpen: boolean | undefined;
  onOpenChange: ((open: boolean) => void) | undefined;
  children: (close: () => void, inputRef: RefObject<HTMLTextAreaElement | null>) => ReactNode;
}

/**
 * The floating variant: a launcher in a corner and a panel above it. Opening moves focus to the
 * message box; Escape or the close button closes and returns focus to the launcher. While closed,
 * the launcher counts new messages from the agent's side. Open state may be controlled.
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
  const unread = useUnread(open);
  const wasOpen = useRef(open);

  const setOpen = (next: boolean) => {
    if (controlled === undefined) setUncontrolled(next);
    onOpenChange?.(next);
  };

  useEffect(() => {
    if (open && !wasOpen.current) input.current?.focus();
    if (!open && wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div {...rootProps} data-state={open ? 'open' : 'closed'} onKeyDown={onKeyDown}>
      <div className="parlant-floating-panel" hidden={!open}>
        {children(() => setOpen(false), input)}
      </div>
      <Button ref={launcher} open={open} unread={unread} panelId={panelId} onClick={() => setOpen(!open)} />
    </div>
  );
}

/** Messages from the agent's side that arrived while the panel was closed. */
function useUnread(open: boolean): number {
  const messages = useParlant((chat) => chat.messages);
  const historyLoaded = useParlant((chat) => chat.historyLoaded);
  const fromAgent = messages.filter((m) => m.role !== 'customer').length;
  const [seen, setSeen] = useState({ count: fromAgent, historyLoaded });
  // Everything present when the history finished loading counts as read: a resumed
  // conversation is not news. After that, only an open panel marks messages read.
  if ((open || !seen.historyLoaded) && (seen.count !== fromAgent || seen.historyLoaded !== historyLoaded)) {
    setSeen({ count: fromAgent, historyLoaded });
  }
  return open ? 0 : Math.max(0, fromAgent - seen.count);
}

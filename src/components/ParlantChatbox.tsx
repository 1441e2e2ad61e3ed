import { useId, type ComponentProps, type ReactNode } from 'react';
import type { TranscriptFormat } from '../core/transcript';
import { ParlantProvider } from '../react/ParlantProvider';
import { splitChatConfig, type ChatConfig } from '../react/useChatInstance';
import { ChatPanel } from './ChatPanel';
import { ChatParts, splitPartsSettings, type ChatPartsSettings } from './ChatParts';
import { FloatingShell } from './FloatingShell';
import type { ReadPosition, ReadSettings } from './useReadState';
import { themeStyle, type ParlantTheme } from './theme';
import { cx } from './ui';
import { validateProps } from './validateProps';

/** Props of {@link ParlantChatbox}. Only `server` and `agentId` are required. @example const props: ParlantChatboxProps = { server: 'https://agents.example.com', agentId: 'agent_1', variant: 'floating' }; */
export interface ParlantChatboxProps extends ChatConfig, ChatPartsSettings, Omit<ComponentProps<'div'>, 'title' | 'onError' | 'dir'> {
  /** `inline` (default) fills its container; `floating` is a launcher button in a corner. */
  variant?: 'inline' | 'floating';
  /** Floating: controlled open state. */
  open?: boolean;
  /** Floating: initial open state when uncontrolled. */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Floating: which corner. */
  position?: 'bottom-right' | 'bottom-left';
  /** Header title; defaults to the agent's name. */
  title?: string;
  placeholder?: string;
  /** What an empty conversation shows (text or any element). */
  greeting?: ReactNode;
  theme?: ParlantTheme;
  /** `auto` follows the system setting. */
  colorScheme?: 'light' | 'dark' | 'auto';
  /** Text direction of the widget chrome; messages always follow their own content. */
  dir?: 'ltr' | 'rtl' | 'auto';
  /** A header button that saves the conversation as a file in this format (off by default). */
  downloadTranscript?: TranscriptFormat;
  /**
   * Where the customer stopped reading on an earlier visit (an offset `onReadChange` reported):
   * later messages count as unread. Without it, the history of a resumed conversation counts as read.
   */
  readOffset?: number;
  /** Called each time the customer's read position moves forward, so the host can store it. */
  onReadChange?: (read: ReadPosition) => void;
  /** While the page is hidden, show the unread count in front of the page title: `(2) My shop`. */
  unreadInTitle?: boolean;
  /**
   * Also write the read position to the session's `consumption_offsets.client`. Parlant's
   * production policy refuses guests (one 403, then it is not asked again); the development policy
   * or a proxy that adds credentials allow it.
   */
  markReadOnServer?: boolean;
}

/**
 * The drop-in Parlant chat widget, inline or as a floating launcher.
 * @example
 * import { ParlantChatbox } from 'parlant-chatbox';
 * import 'parlant-chatbox/styles.css';
 *
 * <ParlantChatbox server="https://agents.example.com" agentId="agent_123" />
 * <ParlantChatbox server={url} agentId={id} variant="floating" colorScheme="auto" theme={{ accent: '#0f766e' }} />
 */
export function ParlantChatbox(props: ParlantChatboxProps) {
  validateProps(props);
  const [config, presentation] = splitChatConfig(props);
  const [settings, shell] = splitPartsSettings(presentation);
  const {
    variant = 'inline', open, defaultOpen, onOpenChange, position = 'bottom-right', title, placeholder, greeting, theme,
    colorScheme = 'light', dir, downloadTranscript, readOffset, onReadChange, unreadInTitle, markReadOnServer, className, style, ...rest
  } = shell;
  const read: ReadSettings = { readOffset, onReadChange, unreadInTitle, markReadOnServer };
  const panelId = useId();
  const rootProps = {
    ...rest,
    className: cx('parlant-chatbox', settings.classNames?.root, className),
    style: { ...themeStyle(theme), ...style },
    'data-variant': variant,
    'data-color-scheme': colorScheme,
    'data-position': variant === 'floating' ? position : undefined,
    dir,
  };

  return (
    <ParlantProvider {...config}>
      <ChatParts {...settings}>
        {variant === 'floating' ? (
          <FloatingShell rootProps={rootProps} panelId={panelId} open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
            {(panel) => (
              <ChatPanel
                id={panelId} title={title} placeholder={placeholder} greeting={greeting} downloadTranscript={downloadTranscript}
                onClose={panel.close} inputRef={panel.inputRef} read={read} attending={panel.open} onUnreadChange={panel.onUnreadChange}
              />
            )}
          </FloatingShell>
        ) : (
          <div {...rootProps}>
            <ChatPanel title={title} placeholder={placeholder} greeting={greeting} downloadTranscript={downloadTranscript} read={read} />
          </div>
        )}
      </ChatParts>
    </ParlantProvider>
  );
}


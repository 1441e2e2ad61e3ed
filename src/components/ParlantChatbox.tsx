import { useEffect, useId, useMemo, type ComponentProps, type ReactNode } from 'react';
import { ParlantProvider } from '../react/ParlantProvider';
import type { ChatConfig } from '../react/useChatInstance';
import { ChatPanel } from './ChatPanel';
import { FloatingShell } from './FloatingShell';
import { defaultLabels, type ChatLabels } from './labels';
import type { MarkdownPolicy } from './markdown/Markdown';
import { themeStyle, type ParlantTheme } from './theme';
import { timeFormat } from './timeFormat';
import { ChatUiProvider, cx, type ChatClassNames, type ChatComponents, type ChatUi } from './ui';
import { validateProps } from './validateProps';

/** Props of {@link ParlantChatbox}. Only `server` and `agentId` are required. @example const props: ParlantChatboxProps = { server: 'https://agents.example.com', agentId: 'agent_1', variant: 'floating' }; */
export interface ParlantChatboxProps extends ChatConfig, Omit<ComponentProps<'div'>, 'title' | 'onError' | 'dir'>, MarkdownPolicy {
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
  classNames?: ChatClassNames;
  components?: ChatComponents;
  /** Every visible text, for translation. */
  labels?: Partial<ChatLabels>;
  /** Text direction of the widget chrome; messages always follow their own content. */
  dir?: 'ltr' | 'rtl' | 'auto';
  /** Locale for times (default: the browser's). */
  locale?: string;
  /** Longest message a customer may send (default 4000 characters). */
  maxMessageLength?: number;
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
  const {
    // conversation
    server, agentId, sessionId, customerId, createSession, greet, headers, fetch, waitForData, transport, sessionMetadata, client,
    queryClient, environment, persistSession, onSessionCreated, onError, onAuthError, onMessage, onEvent,
    // presentation
    variant = 'inline', open, defaultOpen, onOpenChange, position = 'bottom-right', title, placeholder, greeting, theme,
    colorScheme = 'light', classNames, components, labels, dir, locale, maxMessageLength = 4000, allowedImageOrigins, linkTarget,
    onLinkClick, plainTextOver, className, style, ...rest
  } = props;

  const config: ChatConfig = {
    server, agentId, sessionId, customerId, createSession, greet, headers, fetch, waitForData, transport, sessionMetadata, client,
    queryClient, environment, persistSession, onSessionCreated, onError, onAuthError, onMessage, onEvent,
  };
  const ui = useMemo<ChatUi>(
    () => ({
      labels: { ...defaultLabels, ...labels },
      classNames: classNames ?? {},
      components: components ?? {},
      markdown: { allowedImageOrigins, linkTarget, onLinkClick, plainTextOver },
      maxMessageLength,
      locale,
    }),
    [labels, classNames, components, allowedImageOrigins, linkTarget, onLinkClick, plainTextOver, maxMessageLength, locale],
  );
  // Build the time format while the history loads, not in the task that first renders messages.
  useEffect(() => {
    const id = setTimeout(() => {
      try {
        timeFormat(locale);
      } catch {
        // A malformed locale is reported where it is used (each message falls back to plain text).
      }
    });
    return () => clearTimeout(id);
  }, [locale]);
  const panelId = useId();
  const rootProps = {
    ...rest,
    className: cx('parlant-chatbox', ui.classNames.root, className),
    style: { ...themeStyle(theme), ...style },
    'data-variant': variant,
    'data-color-scheme': colorScheme,
    'data-position': variant === 'floating' ? position : undefined,
    dir,
  };

  return (
    <ParlantProvider {...stripUndefined(config)}>
      <ChatUiProvider value={ui}>
        {variant === 'floating' ? (
          <FloatingShell rootProps={rootProps} panelId={panelId} open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
            {(close, inputRef) => <ChatPanel id={panelId} title={title} placeholder={placeholder} greeting={greeting} onClose={close} inputRef={inputRef} />}
          </FloatingShell>
        ) : (
          <div {...rootProps}>
            <ChatPanel title={title} placeholder={placeholder} greeting={greeting} />
          </div>
        )}
      </ChatUiProvider>
    </ParlantProvider>
  );
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

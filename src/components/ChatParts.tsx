import { useEffect, useMemo, type ReactNode } from 'react';
import { defaultLabels, type ChatLabels } from './labels';
import type { MarkdownPolicy } from './markdown/Markdown';
import { timeFormat } from './timeFormat';
import { ChatUiProvider, type ChatClassNames, type ChatComponents, type ChatUi } from './ui';

/** Presentation settings of the parts. @example const s: ChatPartsSettings = { labels: { send: 'Envoyer' }, maxMessageLength: 2000 }; */
export interface ChatPartsSettings extends MarkdownPolicy {
  classNames?: ChatClassNames;
  components?: ChatComponents;
  /** Every visible text, for translation. */
  labels?: Partial<ChatLabels>;
  /** Locale for times (default: the browser's). */
  locale?: string;
  /** Longest message a customer may send (default 4000 characters). */
  maxMessageLength?: number;
}

/** Props of {@link ChatParts}. @example const p: ChatPartsProps = { labels: { send: 'Go' }, children: null }; */
export interface ChatPartsProps extends ChatPartsSettings {
  children?: ReactNode;
}

/**
 * Gives the parts (`ChatPanel`, `MessageList`, `Composer`, …) their labels, class names,
 * replacements and link policy when you lay them out yourself inside a `ParlantProvider`;
 * `<ParlantChatbox>` does this for its own parts.
 * @example
 * <ParlantProvider server={url} agentId={id}>
 *   <ChatParts labels={{ placeholder: 'Écrivez…' }}>
 *     <ChatPanel />
 *   </ChatParts>
 * </ParlantProvider>
 */
export function ChatParts({ children, ...settings }: ChatPartsProps) {
  const { labels, classNames, components, allowedImageOrigins, linkTarget, onLinkClick, plainTextOver, maxMessageLength = 4000, locale } = settings;
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
  return <ChatUiProvider value={ui}>{children}</ChatUiProvider>;
}

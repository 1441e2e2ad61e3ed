import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type ReactNode } from 'react';
import { FeedbackProvider, feedbackStore, type MessageFeedback } from './feedback';
import { defaultLabels, type ChatLabels, type InspectLabels } from './labels';
import type { MarkdownPolicy } from './markdown/Markdown';
import { timeFormat } from './timeFormat';
import type { InspectorProps } from './partProps';
import { ChatUiProvider, type ChatClassNames, type ChatComponents, type ChatUi } from './ui';
import { splitKeys } from '../react/splitKeys';

/** Presentation settings of the parts. @example const s: ChatPartsSettings = { labels: { send: 'Envoyer' }, maxMessageLength: 2000 }; */
export interface ChatPartsSettings extends MarkdownPolicy {
  classNames?: ChatClassNames;
  components?: ChatComponents;
  /** Every visible text, for translation (the inspector's too). */
  labels?: Partial<ChatLabels & InspectLabels>;
  /** Locale for times (default: the browser's). */
  locale?: string;
  /** Longest message a customer may send (default 4000 characters). */
  maxMessageLength?: number;
  /**
   * Thumbs up or down on an agent reply (and, later, a reason): shown only when given. Called
   * again for the same message when the customer adds a reason or changes the verdict.
   */
  onFeedback?: (feedback: MessageFeedback) => void;
  /**
   * Inspect mode, for the people who build the agent: a component rendered under every message
   * the server confirmed, usually `Inspector` from `parlant-chatbox/inspect`. Off by default. The
   * widget only renders this slot, so an app that never imports the inspector ships none of it.
   * @example
   * import { Inspector } from 'parlant-chatbox/inspect';
   * <ParlantChatbox server={url} agentId={id} inspect={import.meta.env.DEV ? Inspector : undefined} />
   */
  inspect?: ComponentType<InspectorProps>;
}

/** Every key of {@link ChatPartsSettings}, once. */
const SETTINGS_KEYS = [
  'classNames', 'components', 'labels', 'locale', 'maxMessageLength', 'allowedImageOrigins', 'linkTarget', 'onLinkClick', 'plainTextOver', 'onFeedback', 'inspect',
] as const satisfies ReadonlyArray<keyof ChatPartsSettings>;

/**
 * Splits a component's props into the parts' settings (only the keys given) and the rest.
 * @example const [settings, rest] = splitPartsSettings(props);
 */
export function splitPartsSettings<T extends ChatPartsSettings>(props: T): [ChatPartsSettings, Omit<T, (typeof SETTINGS_KEYS)[number]>] {
  return splitKeys(props, SETTINGS_KEYS);
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
  const { labels, classNames, components, allowedImageOrigins, linkTarget, onLinkClick, plainTextOver, maxMessageLength = 4000, locale, onFeedback, inspect } = settings;
  const [store] = useState(feedbackStore);
  useEffect(() => store.reportTo(onFeedback), [store, onFeedback]);
  const enabled = onFeedback !== undefined;
  const feedback = useMemo(() => ({ store, enabled }), [store, enabled]);
  // One polite region for short confirmations; the text is cleared first so a repeat is said again.
  const [said, setSaid] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const announce = useCallback((text: string) => {
    setSaid('');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setSaid(text), 50);
  }, []);
  const ui = useMemo<ChatUi>(
    () => ({
      labels: { ...defaultLabels, ...labels },
      classNames: classNames ?? {},
      components: components ?? {},
      markdown: { allowedImageOrigins, linkTarget, onLinkClick, plainTextOver },
      maxMessageLength,
      locale,
      announce,
      inspect,
    }),
    [labels, classNames, components, allowedImageOrigins, linkTarget, onLinkClick, plainTextOver, maxMessageLength, locale, announce, inspect],
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
  return (
    <ChatUiProvider value={ui}>
      <FeedbackProvider value={feedback}>{children}</FeedbackProvider>
      <div className="parlant-visually-hidden" aria-live="polite">
        {said}
      </div>
    </ChatUiProvider>
  );
}

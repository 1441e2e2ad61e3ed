import { createContext, useContext, type ComponentType } from 'react';
import type { ParlantEvent } from '../core/types';
import { defaultLabels, type ChatLabels } from './labels';
import type { MarkdownPolicy } from './markdown/Markdown';
import type { ChatHeaderProps, ComposerProps, InspectorProps, LauncherProps, MessageProps, StatusIndicatorProps, ToolFootnotesProps } from './partProps';

/** Parts of the widget a host can add classes to. @example const c: ChatClassNames = { bubble: 'my-bubble' }; */
export type ChatPart = 'root' | 'header' | 'banner' | 'messageList' | 'message' | 'bubble' | 'footnotes' | 'status' | 'composer' | 'launcher' | 'panel';

/** Extra class names per part. @example <ParlantChatbox classNames={{ root: 'shadow-xl' }} … /> */
export type ChatClassNames = Partial<Record<ChatPart, string>>;

/**
 * Replacement components for parts of the widget; each receives the same props as the default.
 * @example <ParlantChatbox components={{ StatusIndicator: MyDots }} … />
 */
export interface ChatComponents {
  Header?: ComponentType<ChatHeaderProps>;
  Message?: ComponentType<MessageProps>;
  ToolFootnotes?: ComponentType<ToolFootnotesProps>;
  StatusIndicator?: ComponentType<StatusIndicatorProps>;
  Composer?: ComponentType<ComposerProps>;
  Launcher?: ComponentType<LauncherProps>;
  /** Renders custom events (page context, cards from tools) among the messages; without it they are not shown. */
  CustomEvent?: ComponentType<{ event: ParlantEvent }>;
}

/** Presentation settings shared by the parts. @example const { labels, maxMessageLength }: ChatUi = useChatUi(); */
export interface ChatUi {
  labels: ChatLabels;
  classNames: ChatClassNames;
  components: ChatComponents;
  markdown: MarkdownPolicy;
  maxMessageLength: number;
  locale: string | undefined;
  /** Says something politely to screen readers (a copy done, feedback taken). */
  announce: (text: string) => void;
  /** Rendered under each confirmed message when the host turned inspect mode on. */
  inspect?: ComponentType<InspectorProps> | undefined;
}

const UiContext = /* @__PURE__ */ createContext<ChatUi>({
  labels: defaultLabels,
  classNames: {},
  components: {},
  markdown: {},
  maxMessageLength: 4000,
  locale: undefined,
  announce: () => {},
});

/** Provides presentation settings to the parts. @example <ChatUiProvider value={ui}>…</ChatUiProvider> */
export const ChatUiProvider = UiContext.Provider;

/**
 * The presentation settings of the enclosing widget (labels, class names, replacements).
 * @example const { labels } = useChatUi();
 */
export function useChatUi(): ChatUi {
  return useContext(UiContext);
}

/**
 * Joins class names, skipping empty ones.
 * @example cx('a', undefined, 'b') // 'a b'
 */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

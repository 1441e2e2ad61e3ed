/**
 * parlant-chatbox: a React chat widget for Parlant agents, the headless hook it is built from,
 * and the framework-free core underneath.
 */
export { ParlantChatbox, type ParlantChatboxProps } from './components/ParlantChatbox';
export { ChatPanel, type ChatPanelProps } from './components/ChatPanel';
export { ChatHeader, type ChatHeaderProps } from './components/ChatHeader';
export { MessageList, type MessageListProps } from './components/MessageList';
export { Message, type MessageProps } from './components/Message';
export { ToolFootnotes, type ToolFootnotesProps } from './components/ToolFootnotes';
export { StatusIndicator, type StatusIndicatorProps } from './components/StatusIndicator';
export { Composer, type ComposerProps } from './components/Composer';
export { Launcher, type LauncherProps } from './components/Launcher';
export { ConnectionBanner, type ConnectionBannerProps } from './components/ConnectionBanner';
export { Markdown, type MarkdownProps, type MarkdownPolicy } from './components/markdown/Markdown';
export { defaultLabels, type ChatLabels } from './components/labels';
export { themeStyle, type ParlantTheme } from './components/theme';
export { ChatUiProvider, useChatUi, type ChatUi, type ChatClassNames, type ChatComponents, type ChatPart } from './components/ui';
export { ParlantProvider, useParlant, type ParlantProviderProps } from './react/ParlantProvider';
export { useParlantSession, type UseParlantSessionOptions, type ParlantSessionState } from './react/useParlantSession';
export type { ChatConfig, ChatInstance } from './react/useChatInstance';
export * from './core/index';

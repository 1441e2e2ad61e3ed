/**
 * parlant-chatbox: a React chat widget for Parlant agents, its parts, and the headless hook it is
 * built from. The protocol building blocks (client, store, poll loop, sender) are on
 * `parlant-chatbox/core`; the emulator is on `parlant-chatbox/testing`; inspect mode is on
 * `parlant-chatbox/inspect`.
 */

// The widget and the parts it is made of, for a layout of your own.
export { ParlantChatbox, type ParlantChatboxProps } from './components/ParlantChatbox';
export type { ReadPosition } from './components/useReadState';
export { ChatParts, type ChatPartsProps, type ChatPartsSettings } from './components/ChatParts';
export { ChatPanel, type ChatPanelProps } from './components/ChatPanel';
export { ChatHeader, type ChatHeaderProps } from './components/ChatHeader';
export { ConnectionBanner, type ConnectionBannerProps } from './components/ConnectionBanner';
export { MessageList, type MessageListProps, type MessageListSearch } from './components/MessageList';
export { Message, type MessageProps } from './components/Message';
export { ToolFootnotes, type ToolFootnotesProps } from './components/ToolFootnotes';
export { StatusIndicator, type StatusIndicatorProps } from './components/StatusIndicator';
export { Composer, type ComposerProps } from './components/Composer';
export { Launcher, type LauncherProps } from './components/Launcher';
export { Markdown, type MarkdownProps, type MarkdownPolicy } from './components/markdown/Markdown';
export { defaultLabels, type ChatLabels, type InspectLabels } from './components/labels';
export { themeStyle, type ParlantTheme } from './components/theme';
export type { ChatClassNames, ChatComponents, ChatPart } from './components/ui';
export type { InspectorProps } from './components/partProps';
export type { FeedbackValue, MessageFeedback } from './components/feedback';

// The conversation without the widget.
export { ParlantProvider, useParlant, type ParlantProviderProps } from './react/ParlantProvider';
export { useParlantSession, type UseParlantSessionOptions, type ParlantSessionState } from './react/useParlantSession';
export type { ChatConfig } from './react/useChatInstance';

// What a host meets in props, callbacks and the hook's state.
export { ParlantError, type ParlantErrorKind } from './core/errors';
export type { AgentActivity, ChatMessage, MessageRole, ToolFootnote } from './core/model';
export type { Connection, ConnectionState } from './core/connection';
export type { ChatSession } from './core/session';
export type { TranscriptFormat } from './core/transcript';
export type { SearchHit } from './core/search';
export type { ParlantClient, HeadersSource } from './core/client';
export type { EventTransport } from './core/poller';
export type { PageEnvironment } from './core/page';
export type { PersistSession, StorageLike } from './core/persistence';
export type { Agent, Json, ParlantEvent, Session } from './core/types';

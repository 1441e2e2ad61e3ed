import type { ComponentProps, ComponentPropsWithoutRef } from 'react';
import type { ConnectionState } from '../core/connection';
import type { AgentActivity, ChatMessage, ToolFootnote } from '../core/model';

/**
 * The props of the widget's parts, in one place: the parts take them, and `components`
 * replacements (see ui.tsx) receive the same, so neither side has to import the other.
 */

/** Props of {@link ChatHeader}. @example <ChatHeader title="Haxon" connection="live" /> */
export interface ChatHeaderProps extends ComponentProps<'header'> {
  title: string;
  /** Shown under the title, e.g. the agent's description. */
  subtitle?: string | null;
  connection: ConnectionState;
  /** `manual` while a human operator has the conversation: the header says who the customer is talking to. */
  mode?: 'auto' | 'manual';
  /** The operator's name, when known. */
  operator?: string | null;
  /** Present in floating mode: closes the panel. */
  onClose?: () => void;
  /** Present when the host offers the transcript: saves it as a file. */
  onDownload?: () => void;
  /** Present when there is something to search: opens the conversation search (also Ctrl/Cmd+F in the widget). */
  onSearch?: () => void;
}

/** Props of {@link Composer}. @example <Composer onSend={(text) => send(text)} /> */
export interface ComposerProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** Called with the text; return false to keep it in the box (not sent). */
  onSend: (text: string) => boolean | void;
  placeholder?: string;
  /** Why the customer cannot write now; disables the composer and says so. */
  disabledReason?: string | null;
}

/** Props of {@link Launcher}. @example <Launcher open={false} unread={2} onClick={toggle} /> */
export interface LauncherProps extends ComponentPropsWithoutRef<'button'> {
  open: boolean;
  unread: number;
  /** id of the panel it opens (for aria-controls). */
  panelId?: string;
}

/** Props of {@link Message}. @example <Message message={m} footnotes={[]} showAuthor /> */
export interface MessageProps extends ComponentProps<'li'> {
  message: ChatMessage;
  /** Tool calls of this message's turn (agent messages only). */
  footnotes: ToolFootnote[];
  /** First message of a run from the same author: show the name. */
  showAuthor: boolean;
  onRetry?: (clientId: string) => void;
  onDelete?: (clientId: string) => void;
  /** Asks the agent to answer this message again (after its turn failed); gets the message's key. */
  onRetryReply?: (messageKey: string) => void;
  /** Text to mark where it appears in the message (the conversation search is on and found it here). */
  highlight?: string | undefined;
}

/** Props of {@link StatusIndicator}. @example <StatusIndicator activity={{ state: 'typing' }} agentName="Haxon" /> */
export interface StatusIndicatorProps extends ComponentProps<'div'> {
  activity: AgentActivity;
  agentName: string;
}

/** Props of {@link ToolFootnotes}. @example <ToolFootnotes footnotes={[]} /> */
export interface ToolFootnotesProps extends ComponentProps<'details'> {
  footnotes: ToolFootnote[];
}

/**
 * Props of the component given as `inspect` (see `parlant-chatbox/inspect`): rendered under every
 * message the server has confirmed, it reads anything else it needs from the conversation
 * (`useParlant`), so the widget pays nothing for what an inspector shows.
 * @example const Trace = ({ message }: InspectorProps) => <code>{message.traceKey}</code>;
 */
export interface InspectorProps {
  /** The message to inspect (`traceKey` and `eventId` lead to its turn's events). */
  message: ChatMessage;
  /** Tool calls of this message's turn, as the footnotes show them. */
  footnotes: ToolFootnote[];
}

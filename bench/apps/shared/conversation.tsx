/**
 * What the virtualizer prototypes share: our conversation (provider, parts' settings, messages and
 * their footnotes) in the widget's root box, with the list left to the virtualizer under test. No
 * header, composer or status line: the comparison is about the list.
 */
import type { ReactNode } from 'react';
import { ChatParts, ParlantProvider, useParlant, type ChatMessage, type ToolFootnote } from 'parlant-chatbox';
import 'parlant-chatbox/styles.css';
import { benchParams, mountHost } from './host';

export const NO_FOOTNOTES: ToolFootnote[] = [];

/** The messages and footnotes of the conversation, for a list of one's own. */
export function useConversation(): { messages: ChatMessage[]; footnotes: ReadonlyMap<string, ToolFootnote[]> } {
  return { messages: useParlant((chat) => chat.messages), footnotes: useParlant((chat) => chat.footnotes) };
}

export function mountList(list: ReactNode): void {
  const { server, agentId, sessionId } = benchParams();
  mountHost(
    <ParlantProvider server={server} agentId={agentId} sessionId={sessionId}>
      <ChatParts>
        <div className="parlant-chatbox" data-variant="inline" style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
          <section className="parlant-panel" aria-label="Chat" style={{ flex: 1, minHeight: 0 }}>
            {list}
          </section>
        </div>
      </ChatParts>
    </ParlantProvider>,
  );
}

// Prototype: the conversation in react-virtuoso (the list Stream Chat React uses), our Message rows.
import { Virtuoso } from 'react-virtuoso';
import { Message } from 'parlant-chatbox';
import { mountList, NO_FOOTNOTES, useConversation } from '../shared/conversation';

function List() {
  const { messages, footnotes } = useConversation();
  if (messages.length === 0) return null;
  return (
    <Virtuoso
      className="parlant-scroller"
      style={{ height: '100%' }}
      data={messages}
      computeItemKey={(_, message) => message.key}
      initialTopMostItemIndex={messages.length - 1}
      followOutput="auto"
      itemContent={(_, message) => <Message message={message} footnotes={footnotes.get(message.traceKey) ?? NO_FOOTNOTES} showAuthor />}
    />
  );
}

mountList(<List />);

// Prototype: the conversation in @tanstack/react-virtual, our Message rows measured as they render.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';
import { Message, type ChatMessage } from 'parlant-chatbox';
import { mountList, NO_FOOTNOTES, useConversation } from '../shared/conversation';

function List() {
  const { messages, footnotes } = useConversation();
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler cannot memoize around this hook; the prototype uses it as its docs do.
  // eslint-disable-next-line react-hooks/incompatible-library
  const list = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 90,
    overscan: 6,
    getItemKey: (i) => (messages[i] as ChatMessage).key,
  });
  // At the live end on load and after each new message.
  useLayoutEffect(() => {
    if (messages.length > 0) list.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [messages.length, list]);
  return (
    <div ref={scroller} className="parlant-scroller" style={{ height: '100%', overflowY: 'auto' }}>
      <ol className="parlant-log" style={{ height: list.getTotalSize(), position: 'relative' }}>
        {list.getVirtualItems().map((item) => {
          const message = messages[item.index] as ChatMessage;
          return (
            <Message
              key={item.key}
              data-index={item.index}
              ref={list.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
              message={message}
              footnotes={footnotes.get(message.traceKey) ?? NO_FOOTNOTES}
              showAuthor
            />
          );
        })}
      </ol>
    </div>
  );
}

mountList(<List />);

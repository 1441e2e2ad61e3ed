import type { KeyboardEvent, Ref } from 'react';
import { useChatUi } from './ui';
import type { ConversationSearch } from './useConversationSearch';

const arrow = (d: string) => (
  <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
    <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

/**
 * The search field under the header: what is searched for, "n of m" (a polite status, so a
 * screen reader hears it as it changes), and buttons to step to the earlier or later message
 * found. Enter steps back in time, Shift+Enter forward, Escape closes (the caller returns focus).
 * @example <SearchBar search={search} onClose={close} inputRef={field} />
 */
export function SearchBar({ search, onClose, inputRef }: { search: ConversationSearch; onClose: () => void; inputRef: Ref<HTMLInputElement> }) {
  const { labels } = useChatUi();
  const { query, hits, position } = search;
  const status = !query.trim() ? '' : hits === null ? labels.searching : labels.searchResults(position, hits.length);
  const none = !hits || hits.length === 0;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      search.step(event.shiftKey ? 1 : -1);
    } else if (event.key === 'Escape') {
      // Handled here: the floating panel must not close, nor the browser make it a close request.
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };
  return (
    <div className="parlant-search" role="search">
      <input
        ref={inputRef}
        type="search"
        className="parlant-search-input"
        aria-label={labels.search}
        placeholder={labels.search}
        value={query}
        onChange={(event) => search.setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        enterKeyHint="search"
        autoComplete="off"
        // Opened on request (the search button, Ctrl/Cmd+F): the reader is here to type.
        autoFocus
      />
      <span className="parlant-search-count" role="status">
        {status}
      </span>
      <button type="button" className="parlant-icon-button" aria-label={labels.searchEarlier} title={labels.searchEarlier} disabled={none} onClick={() => search.step(-1)}>
        {arrow('M4 10l4-4 4 4')}
      </button>
      <button type="button" className="parlant-icon-button" aria-label={labels.searchLater} title={labels.searchLater} disabled={none} onClick={() => search.step(1)}>
        {arrow('M4 6l4 4 4-4')}
      </button>
      <button type="button" className="parlant-icon-button" aria-label={labels.closeSearch} title={labels.closeSearch} onClick={onClose}>
        {arrow('M4 4l8 8m0-8l-8 8')}
      </button>
    </div>
  );
}

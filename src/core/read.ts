import { ParlantError } from './errors';
import type { ConversationParts } from './parts';

/** Writes the customer's read position to the server. @example const marker: ReadMarker = createReadMarker({ client, store }); */
export interface ReadMarker {
  /** Asks for the read position to become `offset` (lower or equal positions are ignored). */
  mark(offset: number): void;
  /** Whether the server refused the write (403): it is not asked again. */
  readonly refused: boolean;
}

/**
 * The read position on the server: `consumption_offsets.client` of the session (`PATCH
 * /sessions/{id}`). Best effort and never in the way: one request at a time carrying the
 * highest position asked for meanwhile, failures dropped (the next position tries again), and
 * after a 403 (Parlant's production policy does not let guests update sessions) nothing more is
 * sent for this conversation.
 * @example
 * const marker = createReadMarker({ client, store, onError: console.warn });
 * marker.mark(12);
 */
export function createReadMarker(options: ConversationParts): ReadMarker {
  const { client, store } = options;
  let written = -1;
  let wanted = -1;
  let busy = false;
  let refused = false;

  const flush = async () => {
    const sessionId = store.getState().sessionId;
    if (busy || refused || !sessionId || wanted <= written) return;
    busy = true;
    const offset = wanted;
    try {
      await client.setReadOffset(sessionId, offset);
      written = Math.max(written, offset);
    } catch (error) {
      const failure = error instanceof ParlantError ? error : new ParlantError({ kind: 'network', message: String(error), cause: error });
      if (failure.status === 403) refused = true;
      options.onError?.(failure);
      // Not again for this position: the next one asks again.
      written = Math.max(written, offset);
    } finally {
      busy = false;
    }
    void flush();
  };

  return {
    mark(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset <= wanted) return;
      wanted = offset;
      void flush();
    },
    get refused() {
      return refused;
    },
  };
}

import type { ParlantClient } from './client';
import type { ParlantError } from './errors';
import type { TimelineStore } from './timeline';

/**
 * What each piece of a conversation is built from: the client it talks through, the store it
 * writes to, and where failures are reported.
 * @example const parts: ConversationParts = { client, store, onError: console.warn };
 */
export interface ConversationParts {
  client: ParlantClient;
  store: TimelineStore;
  onError?: (error: ParlantError) => void;
}

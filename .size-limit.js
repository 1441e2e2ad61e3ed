// Bundle budgets: minified and brotlied, react-query and zustand included, React excluded.
// Raised from 28 / 25 / 9.5 kB by the reliability work (about 3 kB): the failure policy shared by
// every request loop, the connection state machine, the page watcher (online, visibility,
// back/forward cache, frozen tabs), the single ingest path with its checks and callbacks, session
// creation with backoff, "Try again" that asks the agent instead of re-posting, and unconfirmed
// messages kept across reloads. The widget and the hook carry the core; the core entry carries
// every building block (`import *`).
export default [
  { name: 'widget (ParlantChatbox, with react-query and zustand)', path: 'dist/index.js', import: '{ ParlantChatbox }', limit: '31 kB' },
  { name: 'headless hook (useParlantSession)', path: 'dist/index.js', import: '{ useParlantSession }', limit: '27.5 kB' },
  { name: 'core (client, timeline, poller)', path: 'dist/core.js', import: '*', limit: '13 kB' },
  { name: 'styles.css', path: 'dist/styles.css', limit: '3 kB' },
];

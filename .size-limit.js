// Bundle budgets: minified and brotlied, react-query and zustand included, React excluded.
// - widget 28 → 33.5 kB: the reliability work (about 3 kB: the failure policy shared by every
//   request loop, the connection state machine, the page watcher for online, visibility,
//   back/forward cache and frozen tabs, the single ingest path with its checks and callbacks,
//   session creation with backoff, "Try again" that asks the agent instead of re-posting,
//   unconfirmed messages kept across reloads) and the Markdown renderer (about 2.4 kB: every rule
//   a linear forward scan, GitHub tables, fenced code with a copy button).
// - widget 33.5 → 36 kB: message actions (copy, thumbs up/down with a reason, keyboard roving
//   between rows: about 1 kB), the visible human handoff (about 0.4 kB) and the transcript
//   download (about 0.6 kB with its formatter).
// - widget 36 → 36.5 kB: phones (the full-screen sheet, visual viewport following, Back closes it).
// - widget 36.5 → 37.5 kB: unread (the read position kept and reported, the "New messages" line,
//   the count in the page title, the read marker on the server: about 0.7 kB).
// - styles.css 3 → 3.5 kB: phone.css (the sheet, keyboard, safe areas, 44px touch targets).
// - hook 25 kB, held: the parts are marked pure, so the hook alone no longer carries the widget.
// - core 9.5 → 13 kB: the reliability work above, which lives in the core; `import *` takes
//   every building block.
// - core 13 → 14 kB: the transcript formatter (text and Markdown) lives in the core so headless
//   users can export too.
// - core 14 → 14.5 kB: the read marker (`consumption_offsets.client`, one request at a time,
//   silent after a 403).
// - widget with the inspector 39.5 kB (new): inspect mode is its own entry point
//   (`parlant-chatbox/inspect`, about 1.4 kB), measured with the widget it plugs into. The widget's
//   budget is held: it only renders the `inspect` slot (under 0.1 kB) and derives nothing for it.
// - widget 37.5 → 39 kB: search in the conversation (about 1.3 kB: the field with its count and
//   steps, reading what each message shows in slices, marks inside the rendered Markdown, bringing
//   a message found into the window of rendered rows; the browser's find sees only that window);
//   the widget with the inspector 39.5 → 40.5 kB for the same reason.
// - hook 25 → 25.5 kB: `search(query)` on the hook and `searchMessages` in the core (about 0.2 kB).
// - styles.css 3.5 → 3.75 kB: the search field, its count, the marks and the current message's
//   outline (about 0.15 kB).
// - widget 39 → 40 kB: the scrollbar spanning the whole conversation (about 0.9 kB: the room
//   for the messages not rendered at the typical row height, jumping the window to where the
//   thumb or Home/End puts the view, holding every correction while the thumb or a finger holds
//   the scroll); the widget with the inspector 40.5 → 41.5 kB for the same reason.
// - widget 40 → 40.25 kB: the search reads the conversation while the page is idle before it
//   opens (about 0.1 kB), so a hit in 10,000 messages shows in tens of milliseconds.
export default [
  { name: 'widget (ParlantChatbox, with react-query and zustand)', path: 'dist/index.js', import: '{ ParlantChatbox }', limit: '40.25 kB' },
  {
    name: 'widget with the inspector (ParlantChatbox + Inspector)',
    path: ['dist/index.js', 'dist/inspect.js'],
    import: { 'dist/index.js': '{ ParlantChatbox }', 'dist/inspect.js': '{ Inspector }' },
    limit: '41.5 kB',
  },
  { name: 'headless hook (useParlantSession)', path: 'dist/index.js', import: '{ useParlantSession }', limit: '25.5 kB' },
  { name: 'core (client, timeline, poller)', path: 'dist/core.js', import: '*', limit: '14.5 kB' },
  { name: 'styles.css', path: 'dist/styles.css', limit: '3.75 kB' },
];

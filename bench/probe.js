/* global window, document, performance, PerformanceObserver, MutationObserver, requestAnimationFrame, getComputedStyle, queueMicrotask */
/**
 * Injected into every bench page with `page.addInitScript`, before any script of the page runs.
 * It records, on the page's own clock (`performance.now()`, 0 = navigation start):
 *  - main-thread long tasks (PerformanceObserver 'longtask', buffered);
 *  - React commits, through a minimal `__REACT_DEVTOOLS_GLOBAL_HOOK__` (react-dom injects itself
 *    into it and calls `onCommitFiberRoot` after every commit). While `react.walk` is on, each
 *    commit's fiber tree is walked to count the components whose render function ran in it;
 *  - "watches": when a given text first enters the DOM (MutationObserver) and when it is first
 *    visible (checked every animation frame: its text box intersects the viewport and every
 *    clipping scroll container around it).
 * The bench reads everything back through `window.__bench`.
 */
(() => {
  if (window.__bench) return;
  const bench = {
    longTasks: [],
    react: { renderers: 0, commits: 0, components: 0, fibers: 0, walk: false, walkMs: 0 },
    watches: {},
    // Last time anything moved: a DOM mutation, a scroll, a React commit (to tell "settled").
    lastActivity: 0,
  };
  window.__bench = bench;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.longTasks = null; // not supported: reported as missing, never as zero
  }

  // Long animation frames, with the scripts that ran in them: which work a long task was.
  bench.frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = (e.scripts ?? []).map((s) => ({
          invoker: s.invoker,
          source: `${(s.sourceURL ?? '').split('/').pop()}:${s.sourceFunctionName ?? ''}:${s.sourceCharPosition ?? ''}`,
          duration: s.duration,
          layout: s.forcedStyleAndLayoutDuration,
        }));
        bench.frames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    bench.frames = null;
  }

  // --- React commits -------------------------------------------------------------------------
  // Fiber tags of components that have a render function. MemoComponent (14) is left out: the
  // function inside it has its own fiber and is counted there.
  const COMPONENT_TAGS = new Set([0 /* Function */, 1 /* Class */, 11 /* ForwardRef */, 15 /* SimpleMemo */]);
  const PERFORMED_WORK = 1; // fiber flag set when a component's render ran in this render pass

  // Walks only the part of the tree React processed in this commit: a fiber whose child pointer
  // is the same as its previous version's was bailed out with its whole subtree (the approach
  // React DevTools uses to tell rendered fibers from reused ones).
  function countRendered(rootFiber) {
    let components = 0;
    let fibers = 0;
    const stack = [rootFiber];
    while (stack.length > 0) {
      const fiber = stack.pop();
      const prev = fiber.alternate;
      fibers += 1;
      if (COMPONENT_TAGS.has(fiber.tag) && (fiber.flags & PERFORMED_WORK) !== 0) components += 1;
      if (prev === null || fiber.child !== prev.child) {
        for (let child = fiber.child; child !== null; child = child.sibling) stack.push(child);
      }
    }
    return { components, fibers };
  }

  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject() {
      bench.react.renderers += 1;
      return bench.react.renderers;
    },
    onCommitFiberRoot(_id, root) {
      bench.react.commits += 1;
      bench.lastActivity = performance.now();
      if (!bench.react.walk) return;
      const t0 = performance.now();
      const counted = countRendered(root.current);
      bench.react.components += counted.components;
      bench.react.fibers += counted.fibers;
      bench.react.walkMs += performance.now() - t0;
    },
    onPostCommitFiberRoot() {},
    onCommitFiberUnmount() {},
    setStrictMode() {},
    checkDCE() {},
  };

  // --- Text watches --------------------------------------------------------------------------
  const pending = new Set(); // texts not yet in the DOM
  const located = new Map(); // text -> text node, present but not yet seen visible
  let frameQueued = false;

  // Descends through the children whose text contains `text` (native textContent does the
  // scanning, much cheaper than visiting every text node from script on a 10,000-message list).
  function findTextNode(root, text) {
    if (root.nodeType === 3) return root.data.includes(text) ? root : null;
    if (root.nodeType !== 1 && root.nodeType !== 9 && root.nodeType !== 11) return null;
    if (!(root.textContent ?? '').includes(text)) return null;
    let el = root;
    for (;;) {
      let next = null;
      for (let c = el.firstChild; c !== null; c = c.nextSibling) {
        if (c.nodeType === 3 && c.data.includes(text)) return c;
        if (c.nodeType === 1 && c.textContent.includes(text)) {
          next = c;
          break;
        }
      }
      if (next === null) return el.nodeType === 1 ? el : el.documentElement; // split over several nodes
      el = next;
    }
  }

  function clipped(el) {
    const style = getComputedStyle(el);
    return style.overflowX !== 'visible' || style.overflowY !== 'visible';
  }

  function isVisible(node) {
    if (!node.isConnected) return false;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    let top = Math.max(r.top, 0);
    let bottom = Math.min(r.bottom, window.innerHeight);
    let left = Math.max(r.left, 0);
    let right = Math.min(r.right, window.innerWidth);
    for (let el = node.nodeType === 1 ? node : node.parentElement; el && el !== document.documentElement; el = el.parentElement) {
      if (!clipped(el)) continue;
      const c = el.getBoundingClientRect();
      top = Math.max(top, c.top);
      bottom = Math.min(bottom, c.bottom);
      left = Math.max(left, c.left);
      right = Math.min(right, c.right);
    }
    return bottom - top >= 1 && right - left >= 1;
  }

  function queueFrame() {
    if (frameQueued || located.size === 0) return;
    frameQueued = true;
    requestAnimationFrame(() => {
      frameQueued = false;
      const now = performance.now();
      for (const [text, node] of located) {
        let target = node;
        if (!target.isConnected) {
          // Re-rendered into a new node: find it again (the document is the only safe root).
          target = findTextNode(document.body, text);
          if (!target) continue;
          located.set(text, target);
        }
        if (isVisible(target)) {
          bench.watches[text].visibleAt = now;
          located.delete(text);
        }
      }
      queueFrame();
    });
  }

  // `at`: when the mutation callback started, so the search itself is not counted.
  function check(root, at) {
    if (!root) return;
    for (const text of pending) {
      const node = findTextNode(root, text);
      if (!node) continue;
      bench.watches[text].presentAt = at;
      pending.delete(text);
      located.set(text, node);
    }
    queueFrame();
  }

  const observer = new MutationObserver((records) => {
    const at = performance.now();
    bench.lastActivity = at;
    if (pending.size === 0) return;
    for (const record of records) {
      if (record.type === 'characterData') check(record.target, at);
      else for (const node of record.addedNodes) check(node, at);
      if (pending.size === 0) break;
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });

  document.addEventListener(
    'scroll',
    () => {
      bench.lastActivity = performance.now();
    },
    { capture: true, passive: true },
  );

  /** Where a text is: in the DOM or not, visible or not, and how far outside the visible area. */
  bench.whereIs = (text) => {
    const node = findTextNode(document.body, text);
    if (!node) return { present: false };
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    let top = 0;
    let bottom = window.innerHeight;
    for (let el = node.nodeType === 1 ? node : node.parentElement; el && el !== document.documentElement; el = el.parentElement) {
      if (!clipped(el)) continue;
      const c = el.getBoundingClientRect();
      top = Math.max(top, c.top);
      bottom = Math.min(bottom, c.bottom);
    }
    const belowPx = Math.max(0, r.top - bottom);
    const abovePx = Math.max(0, top - r.bottom);
    return { present: true, visible: isVisible(node), belowPx, abovePx };
  };

  function scrollerOf(node) {
    for (let el = node.nodeType === 1 ? node : node.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight) return el;
    }
    return null;
  }

  /**
   * The reader going back to the start: every frame, puts the scroll container around `anchorText`
   * (a message that is on screen) at its top, until `text` is visible or `maxMs` ran out. A widget
   * that renders only the latest messages loads earlier ones as the top is reached, so this may
   * take many steps; one that renders everything takes one.
   */
  bench.scrollToFirst = (text, anchorText, maxMs) =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const anchor = findTextNode(document.body, anchorText);
      const el = anchor ? scrollerOf(anchor) : null;
      if (!el) return resolve({ ok: false, ms: null, steps: 0, error: 'no scroll container' });
      let steps = 0;
      const tick = () => {
        const node = findTextNode(el, text);
        if (node && isVisible(node)) return resolve({ ok: true, ms: performance.now() - t0, steps });
        if (performance.now() - t0 > maxMs) return resolve({ ok: false, ms: null, steps });
        // Already at the top (no scroll event would fire): step off it so the next frame's move counts.
        el.scrollTop = el.scrollTop === 0 ? 1 : 0;
        steps += 1;
        requestAnimationFrame(tick);
      };
      tick();
    });

  /**
   * The reader searching the conversation with the widget's own search: clicks the control named
   * `label`, puts `text` into the search field it opens at once (one input event, as a paste), and
   * resolves when `text` is visible (same test as the watches) or `maxMs` ran out. `ms` counts from
   * the query, `openMs` from the click; `start` is the click on the page's clock (for long tasks).
   */
  bench.searchFor = (label, text, maxMs) =>
    new Promise((resolve) => {
      const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === label);
      if (!button) return resolve({ ok: false, ms: null, error: 'no search control' });
      const start = performance.now();
      button.click();
      let typed = null;
      const tick = () => {
        const now = performance.now();
        if (now - start > maxMs) return resolve({ ok: false, ms: null, start, error: typed === null ? 'no search field' : undefined });
        // The field renders after the click's update (a microtask later in React 18+): type as soon as it is there.
        const field = typed === null ? document.querySelector('input[type="search"]') : null;
        if (field) {
          typed = performance.now();
          Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value').set.call(field, text);
          field.dispatchEvent(new window.Event('input', { bubbles: true }));
        } else if (typed !== null) {
          const node = findTextNode(document.body, text);
          if (node && isVisible(node)) return resolve({ ok: true, ms: now - typed, openMs: now - start, start });
        }
        requestAnimationFrame(tick);
      };
      queueMicrotask(tick);
    });

  bench.watch = (text) => {
    bench.watches[text] = { presentAt: null, visibleAt: null };
    pending.add(text);
    if (document.body) check(document.body, performance.now());
  };
  // Stops all per-frame work (a text that stays scrolled out of view would be checked forever).
  bench.clearWatches = () => {
    pending.clear();
    located.clear();
  };
  for (const text of window.__benchInitialWatches ?? []) bench.watch(text);
})();

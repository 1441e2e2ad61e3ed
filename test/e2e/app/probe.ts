/**
 * The test host's probe, loaded before the widget: what an end-to-end test reads from the page
 * the same way in every engine. It keeps the page's problems (console errors, uncaught errors and
 * rejections, CSP violations, dialogs), since WebKit's classic WebDriver has no console events,
 * and answers queries by role and accessible name with Testing Library's own rules.
 */
import { queryAllByRole } from '@testing-library/dom';

/** A text pattern: a regular expression's source and flags (plain strings are escaped by the caller). */
export interface Pattern {
  source: string;
  flags: string;
}

/** One step of a query, applied inside every element the previous step found. */
export interface Step {
  role?: string;
  name?: Pattern;
  css?: string;
  /** The innermost elements whose text matches. */
  text?: Pattern;
  /** Keep only elements whose whole text matches. */
  hasText?: Pattern;
  nth?: number;
}

const problems: string[] = [];
const describe = (value: unknown) => (value instanceof Error ? value.message : String(value));

const test = (pattern: Pattern, text: string) => new RegExp(pattern.source, pattern.flags).test(text.replace(/\s+/g, ' ').trim());

/** Innermost elements under `root` whose text matches: the ones a reader sees the words in. */
function byText(root: Element, pattern: Pattern): Element[] {
  const all = [...root.querySelectorAll('*')].filter((el) => !['SCRIPT', 'STYLE'].includes(el.tagName) && test(pattern, el.textContent ?? ''));
  return all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
}

function apply(roots: Element[], step: Step): Element[] {
  const found = new Set<Element>();
  for (const root of roots) {
    let matches: Element[];
    if (step.role) {
      const name = step.name;
      matches = queryAllByRole(root as HTMLElement, step.role, name ? { name: (accessible) => test(name, accessible) } : {});
      if (step.css) matches = matches.filter((el) => el.matches(step.css as string));
    } else if (step.css) matches = [...root.querySelectorAll(step.css)];
    else if (step.text) matches = byText(root, step.text);
    else matches = [root];
    for (const el of matches) found.add(el);
  }
  let result = [...found];
  if (step.hasText) result = result.filter((el) => test(step.hasText as Pattern, el.textContent ?? ''));
  if (step.nth !== undefined) result = result.slice(step.nth, step.nth + 1);
  return result;
}

/** The elements a chain of steps finds, in document order. */
function find(steps: Step[]): Element[] {
  return steps.reduce<Element[]>((roots, step) => apply(roots, step), [document.body]);
}

let picks = 0;

/** What tests call through the engine's `evaluate`. */
const probe = {
  problems: () => [...problems],
  count: (steps: Step[]) => find(steps).length,
  texts: (steps: Step[]) => find(steps).map((el) => el.textContent ?? ''),
  attribute: (steps: Step[], name: string) => find(steps)[0]?.getAttribute(name) ?? null,
  visible: (steps: Step[]) => {
    const el = find(steps)[0];
    return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  },
  focus: (steps: Step[]) => (find(steps)[0] as HTMLElement | undefined)?.focus(),
  /** Replaces a field's text as pasting would: one input event, the way the field's owner hears typing. */
  fill: (steps: Step[], text: string) => {
    const field = find(steps)[0] as HTMLTextAreaElement | HTMLInputElement | undefined;
    if (!field) return false;
    field.focus();
    field.select();
    return document.execCommand('insertText', false, text);
  },
  style: (steps: Step[], property: string) => {
    const el = find(steps)[0];
    return el ? getComputedStyle(el).getPropertyValue(property) : null;
  },
  /** Marks the first match so the engine can click it natively; null when there is none. */
  pick: (steps: Step[]) => {
    const el = find(steps)[0];
    if (!el) return null;
    picks += 1;
    el.setAttribute('data-e2e-pick', String(picks));
    el.scrollIntoView({ block: 'nearest' });
    return `[data-e2e-pick="${picks}"]`;
  },
};

/** The probe as tests see it on `window`. */
export type Probe = typeof probe;

/**
 * Starts keeping the page's problems and puts the probe on `window.__e2e`; call it before
 * anything else runs.
 * @example installProbe(); createRoot(el).render(<App />);
 */
export function installProbe(): void {
  const log = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    problems.push(`console: ${args.map(describe).join(' ')}`);
    log(...args);
  };
  window.addEventListener('error', (e) => void problems.push(`pageerror: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => void problems.push(`pageerror: ${describe(e.reason)}`));
  document.addEventListener('securitypolicyviolation', (e) => void problems.push(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  window.alert = (message?: unknown) => void problems.push(`dialog: ${describe(message)}`);
  window.confirm = (message?: string) => (problems.push(`dialog: ${message}`), false);
  window.prompt = (message?: string) => (problems.push(`dialog: ${message}`), null);
  (window as unknown as { __e2e: Probe }).__e2e = probe;
}

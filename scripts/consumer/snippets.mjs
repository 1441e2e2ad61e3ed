/**
 * The README's code, as the consumer check runs it. Every ```ts and ```tsx block is a snippet;
 * a first line `// <path>` says where it lives in an app (`src/…` and `app/…` files are React
 * modules, anything else a Node script), and a block without one is refused, so no snippet can
 * escape the check. What each kind must do:
 * - `tsx` under `src/`: compiles in the create-vite app and, rendered alone on a page, chats with
 *   the emulator (its exported components are rendered one at a time);
 * - `tsx` under `app/`: compiles and builds in the Next.js app, whose page then chats;
 * - `ts`: compiles under the create-vite app's Node settings and runs to completion with `node`.
 * The emulator's address in the README, `http://127.0.0.1:8800`, becomes the running emulator's.
 */
import { readFileSync } from 'node:fs';

export const README_ORIGIN = 'http://127.0.0.1:8800';

/**
 * What a snippet needs beyond running as written, by path: how a component gets the props the
 * README says come from elsewhere, and which emulator answers it.
 */
export const WIRING = {
  // Its component takes the ids that the backend snippet's startChat() returns; it runs against an
  // emulator under the production policy, seeded with a customer and a session for them.
  'src/SignedInChat.tsx': { policy: 'production' },
  // A module of functions: a driver calls startChat() and checks the session it made.
  'server/chat-session.ts': {
    driver: (url) => `import { startChat } from './chat-session.mjs';
const ids = await startChat({ id: 'user-1', name: 'Alice' });
const session = await (await fetch('${url}/sessions/' + ids.sessionId)).json();
if (session.customer_id !== ids.customerId) throw new Error('the session does not belong to the new customer: ' + JSON.stringify(session));
console.log('startChat() made session ' + ids.sessionId + ' for customer ' + ids.customerId);
`,
  },
};

/**
 * The snippets of a README, in order.
 * @returns {{ path: string, lang: 'ts' | 'tsx', kind: 'vite' | 'next' | 'node', code: string, line: number, components: string[] }[]}
 */
export function readSnippets(readmePath) {
  const text = readFileSync(readmePath, 'utf8');
  const snippets = [];
  const fence = /^```(tsx?)\s*\n([\s\S]*?)^```\s*$/gm;
  for (const match of text.matchAll(fence)) {
    const [, lang, code] = match;
    const line = text.slice(0, match.index).split('\n').length;
    const path = /^\/\/ ([\w./-]+\.tsx?)\b/.exec(code)?.[1];
    if (!path) throw new Error(`README.md:${line}: a ${lang} snippet must start with a \`// <path>\` comment saying where it lives`);
    const kind = lang === 'ts' ? 'node' : path.startsWith('app/') ? 'next' : path.startsWith('src/') ? 'vite' : null;
    if (!kind) throw new Error(`README.md:${line}: a tsx snippet lives under src/ (Vite) or app/ (Next.js), not ${path}`);
    const components = [...code.matchAll(/^export (?:default )?function ([A-Z]\w*)/gm)].map((m) => m[1]);
    if (kind === 'vite' && components.length === 0) throw new Error(`README.md:${line}: ${path} exports no component to render`);
    snippets.push({ path, lang, kind, code, line, components });
  }
  const paths = snippets.map((s) => s.path);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice) throw new Error(`README.md: two snippets claim ${twice}`);
  return snippets;
}

/** A snippet's code with the README's emulator address replaced by `url`. */
export const pointedAt = (snippet, url) => snippet.code.replaceAll(README_ORIGIN, url);

/**
 * The module that lets the check's page render any snippet component by name: `path#Component`.
 * Generated, so it lists exactly the README's components.
 */
export function registryModule(snippets) {
  const lines = ["import type { ComponentType } from 'react';"];
  const entries = [];
  snippets
    .filter((s) => s.kind === 'vite')
    .forEach((s, i) => {
      const from = `../${s.path.slice('src/'.length).replace(/\.tsx$/, '')}`;
      lines.push(`import { ${s.components.map((c) => `${c} as C${i}_${c}`).join(', ')} } from '${from}';`);
      for (const c of s.components) entries.push(`  '${s.path}#${c}': C${i}_${c},`);
    });
  lines.push('', '// eslint-disable-next-line @typescript-eslint/no-explicit-any', 'export const snippets: Record<string, ComponentType<any>> = {', ...entries, '};', '');
  return lines.join('\n');
}

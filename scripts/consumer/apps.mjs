/**
 * The two apps the consumer check installs the tarball into, written as a newcomer gets them:
 * - a Vite app from create-vite's React + TypeScript template (the version pinned in this
 *   repository's devDependencies), its files and settings untouched: only the README's snippets
 *   are added, its entry renders one snippet per page, and `msw` is installed because the README
 *   says to for the MSW handlers;
 * - a Next.js App Router app whose pages are the README's `app/` snippets.
 */
import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pointedAt, registryModule } from './snippets.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Versions for what the templates leave open, so a failure means the package changed, not a tool. */
const PINNED = {
  msw: '2.15.0',
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
  typescript: '6.0.3',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
};

export function writeFiles(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

/** The create-vite React + TypeScript app with the tarball as a dependency (before `npm install`). */
export function writeViteApp(dir, { tarball }) {
  cpSync(join(ROOT, 'node_modules/create-vite/template-react-ts'), dir, { recursive: true });
  renameSync(join(dir, '_gitignore'), join(dir, '.gitignore'));
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.name = 'consumer-vite';
  pkg.dependencies['parlant-chatbox'] = `file:../${tarball}`;
  pkg.devDependencies.msw = PINNED.msw;
  // The template's linter is not part of what is checked, and its native binary is a large download.
  delete pkg.devDependencies.oxlint;
  delete pkg.scripts.lint;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

/**
 * The README's Vite and Node snippets at their paths, each pointed at the emulator `urlOf` it,
 * and an entry that renders one README component per page (`?snippet=path#Name&props=…`)
 * instead of the template's App, inside the template's global CSS.
 */
export function writeViteSnippets(dir, { snippets, urlOf }) {
  const files = {};
  for (const snippet of snippets.filter((s) => s.kind !== 'next')) files[snippet.path] = pointedAt(snippet, urlOf(snippet));
  files['src/readme/registry.ts'] = registryModule(snippets);
  files['src/main.tsx'] = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { snippets } from './readme/registry';

const params = new URLSearchParams(window.location.search);
const Snippet = snippets[params.get('snippet') ?? ''];
const props: Record<string, unknown> = JSON.parse(params.get('props') ?? '{}');

createRoot(document.getElementById('root')!).render(
  <StrictMode>{Snippet ? <Snippet {...props} /> : <p>No snippet {params.get('snippet')}</p>}</StrictMode>,
);
`;
  // The README's Node scripts, type-checked with the template's own Node settings.
  files['tsconfig.readme-node.json'] = `${JSON.stringify(
    {
      extends: './tsconfig.node.json',
      compilerOptions: { tsBuildInfoFile: './node_modules/.tmp/tsconfig.readme-node.tsbuildinfo' },
      include: snippets.filter((s) => s.kind === 'node').map((s) => s.path),
    },
    null,
    2,
  )}\n`;
  writeFiles(dir, files);
}

/** A Next.js App Router app with the tarball as a dependency (before `npm install`). */
export function writeNextApp(dir, { tarball }) {
  const dependencies = { 'parlant-chatbox': `file:../${tarball}` };
  for (const dep of ['next', 'react', 'react-dom', 'typescript', '@types/react', '@types/react-dom', '@types/node']) dependencies[dep] = PINNED[dep];
  const files = {
    'package.json': `${JSON.stringify({ name: 'consumer-next', private: true, type: 'module', dependencies }, null, 2)}\n`,
    'next.config.mjs': 'export default {};\n',
    'tsconfig.json': `${JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['dom', 'dom.iterable', 'esnext'],
          allowJs: false,
          skipLibCheck: false,
          strict: true,
          noEmit: true,
          esModuleInterop: true,
          module: 'esnext',
          moduleResolution: 'bundler',
          resolveJsonModule: true,
          isolatedModules: true,
          jsx: 'react-jsx',
          incremental: true,
          plugins: [{ name: 'next' }],
        },
        // What `next build` would otherwise add itself (and say so in its output).
        include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts', '.next/dev/types/**/*.ts'],
        exclude: ['node_modules'],
      },
      null,
      2,
    )}\n`,
    // An empty icon, so the browser's automatic /favicon.ico request is not a 404 console error.
    'app/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n',
    // The README's snippets bring their own stylesheet import; the layout is Next's minimum.
    'app/layout.tsx': `import type { ReactNode } from 'react';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  };
  writeFiles(dir, files);
}

/** The README's `app/` snippets, pointed at the emulator at `url`. */
export function writeNextSnippets(dir, { snippets, url }) {
  const files = Object.fromEntries(snippets.filter((s) => s.kind === 'next').map((s) => [s.path, pointedAt(s, url)]));
  if (!files['app/page.tsx']) throw new Error('README.md has no app/page.tsx snippet for the Next.js check');
  writeFiles(dir, files);
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layering of the library as a test: core ← react ← components (the emulator beside, on core
 * only), and no import cycle anywhere in src, type-only imports included.
 */
const SRC = resolve(import.meta.dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  throw new Error(`${relative(SRC, from)} imports ${specifier}, which does not resolve`);
}

const graph = new Map<string, { local: string[]; packages: string[] }>();
for (const file of files(SRC)) {
  const imports = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
  graph.set(file, {
    local: imports.map((s) => resolveImport(file, s)).filter((f): f is string => f !== null),
    packages: imports.filter((s) => !s.startsWith('.')),
  });
}
const layer = (file: string) => relative(SRC, file).split('/')[0] as string;
const name = (file: string) => relative(SRC, file);

describe('the module graph of src', () => {
  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of graph.get(file)?.local ?? []) {
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map(name).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps the layers: core knows no React, react knows no components, the emulator only the core', () => {
    const allowed: Record<string, string[]> = {
      core: ['core'],
      react: ['core', 'react'],
      components: ['core', 'react', 'components'],
      testing: ['core', 'testing'],
      // The inspector sits on top of the widget; nothing in the widget imports it (it is its own
      // entry point, so it costs the widget's bundle nothing).
      inspect: ['core', 'react', 'components', 'inspect'],
    };
    const wrong: string[] = [];
    for (const [file, { local, packages }] of graph) {
      const from = layer(file);
      for (const target of local) {
        const to = layer(target);
        if (allowed[from] && !allowed[from].includes(to)) wrong.push(`${name(file)} → ${name(target)}`);
      }
      if (from === 'core') for (const p of packages) if (p !== 'zustand/vanilla') wrong.push(`${name(file)} → ${p}`);
      if (from === 'testing') for (const p of packages) if (!/^(msw|node:)/.test(p)) wrong.push(`${name(file)} → ${p}`);
    }
    expect(wrong).toEqual([]);
  });
});

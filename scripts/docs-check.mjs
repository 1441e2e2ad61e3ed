#!/usr/bin/env node
/**
 * Does the README document the API the package ships? Reads the bundled declarations in dist/
 * (what the API reports in etc/ are made from) and the built stylesheet, and fails when the README
 * never names, in backticks, one of:
 * - a prop of `<ParlantChatbox>` (React's own `<div>` props aside) or a key of `theme`;
 * - a `--parlant-*` token the stylesheet declares;
 * - a state: connection states, message deliveries and roles, agent activities, error kinds;
 * - a slot: a `components` replacement or a `classNames` part;
 * - a field of what `useParlantSession` returns.
 * It also checks the Storybook docs pages (the .mdx files under stories/), which no test renders: every README
 * snippet they show (`<ReadmeSnippet path>`) and every story they embed (`of={Stories.Name}`) exists.
 * Run by `npm run check:api` after the API report check (build first).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const declarations = `${root}dist/index.d.ts`;
const readme = readFileSync(`${root}README.md`, 'utf8');

const program = ts.createProgram([declarations], { strict: true, skipLibCheck: true, noEmit: true, lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'], types: [] });
const checker = program.getTypeChecker();
const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(declarations));
const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));

/** The declared type of an exported interface or type alias. */
function type(name) {
  const symbol = exported.get(name);
  if (!symbol) throw new Error(`${name} is not exported by dist/index.d.ts`);
  return checker.getDeclaredTypeOfSymbol(symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
}
/** Property names of a type, declared by this package (not inherited from React's element props). */
const ownProperties = (t) =>
  checker
    .getPropertiesOfType(t)
    .filter((p) => p.declarations?.some((d) => !d.getSourceFile().fileName.includes('node_modules')))
    .map((p) => p.name);
/** The string literals of a union type. */
const literals = (t) => (t.isUnion() ? t.types : [t]).filter((m) => m.isStringLiteral()).map((m) => m.value);
const propertyType = (t, name) => checker.getTypeOfSymbol(checker.getPropertyOfType(t, name));

const css = readFileSync(`${root}dist/styles.css`, 'utf8');
const expected = {
  props: ownProperties(type('ParlantChatboxProps')),
  'theme keys': ownProperties(type('ParlantTheme')),
  tokens: [...new Set([...css.matchAll(/(--parlant-[a-z-]+)\s*:/g)].map((m) => m[1]))],
  'connection states': literals(type('ConnectionState')),
  'message deliveries': literals(propertyType(type('ChatMessage'), 'delivery')),
  'message roles': literals(type('MessageRole')),
  'agent activities': literals(propertyType(type('AgentActivity'), 'state')),
  'error kinds': literals(type('ParlantErrorKind')),
  'components slots': ownProperties(type('ChatComponents')),
  'classNames parts': literals(type('ChatPart')),
  'useParlantSession fields': ownProperties(type('ParlantSessionState')),
};

let missing = 0;
for (const [what, names] of Object.entries(expected)) {
  if (names.length === 0) throw new Error(`found no ${what}: has the API changed shape?`);
  const absent = names.filter((name) => !readme.includes(`\`${name}\``));
  missing += absent.length;
  console.log(`${what}: ${names.length - absent.length}/${names.length} in README.md${absent.length ? `, missing ${absent.map((n) => `\`${n}\``).join(', ')}` : ''}`);
}

/** The docs pages' references to README snippets and stories that do not exist. */
function brokenDocsReferences() {
  const pages = readdirSync(join(root, 'stories'), { recursive: true }).filter((f) => f.endsWith('.mdx'));
  const broken = [];
  for (const page of pages) {
    const path = join(root, 'stories', page);
    const text = readFileSync(path, 'utf8');
    for (const [, snippet] of text.matchAll(/<ReadmeSnippet path="([^"]+)"/g)) {
      if (!new RegExp(`^\`\`\`tsx?\\n// ${snippet.replace(/[.]/g, '\\.')}\\b`, 'm').test(readme)) broken.push(`${page}: README.md has no snippet ${snippet}`);
    }
    const modules = new Map([...text.matchAll(/import \* as (\w+) from '([^']+)'/g)].map(([, name, from]) => [name, resolve(dirname(path), from)]));
    for (const [, name, story] of text.matchAll(/of=\{(\w+)\.(\w+)\}/g)) {
      const file = modules.get(name);
      const source = file && readFileSync(`${file}.tsx`, 'utf8');
      if (!source || !new RegExp(`^export const ${story}\\b`, 'm').test(source)) broken.push(`${page}: no story ${name}.${story}`);
    }
  }
  console.log(`docs pages: ${pages.length} checked${broken.length ? `, ${broken.length} broken references` : ''}`);
  return broken;
}

const broken = brokenDocsReferences();
for (const problem of broken) console.error(`  ${problem}`);
if (missing || broken.length) {
  if (missing) console.error(`\nREADME.md does not mention ${missing} name${missing === 1 ? '' : 's'} of the public API (in backticks).`);
  process.exit(1);
}

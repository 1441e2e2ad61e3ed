import { Source } from '@storybook/addon-docs/blocks';
import readme from '../../README.md?raw';

/**
 * The README's code block that starts with `// <path>`, so a docs page shows exactly the code the
 * README has, which the consumer check compiles and runs (scripts/consumer-check.mjs).
 * @example <ReadmeSnippet path="src/Support.tsx" />
 */
export function ReadmeSnippet({ path }: { path: string }) {
  const block = [...readme.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)].find((m) => m[2]?.startsWith(`// ${path}`));
  if (!block) throw new Error(`README.md has no snippet for ${path}`);
  return <Source code={(block[2] as string).trimEnd()} language={block[1] === 'ts' ? 'typescript' : 'tsx'} />;
}

import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Emits the widget's plain stylesheets, concatenated in order, as one static CSS asset of the
 * library build (no CSS-in-JS, nothing injected at run time).
 */
export function cssBundle(options: { files: string[]; output: string }): Plugin {
  return {
    name: 'parlant-css-bundle',
    apply: 'build',
    generateBundle() {
      const source = options.files.map((file) => readFileSync(file, 'utf8')).join('\n');
      this.emitFile({ type: 'asset', fileName: options.output, source });
    },
  };
}

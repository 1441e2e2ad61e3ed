#!/usr/bin/env node
/**
 * `npm run tarball`: packs the built library (run by the script after `npm run build`) into
 * parlant-chatbox-<version>.tgz at the repository's root, exactly what `npm publish` would upload,
 * and prints the command that installs it into an app. Until the package is on the registry, this
 * is how an app gets it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/index.js`)) {
  console.error('dist/ is missing: run `npm run build` first (or `npm run tarball`, which does).');
  process.exit(1);
}
const [report] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
const kB = (bytes) => `${(bytes / 1024).toFixed(0)} kB`;
console.log(`Packed ${report.filename}: ${report.entryCount} files, ${kB(report.size)} (${kB(report.unpackedSize)} unpacked).`);
console.log('Install it in your app with:');
console.log(`  npm install ${root}${report.filename}`);

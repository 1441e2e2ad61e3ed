#!/usr/bin/env node
/**
 * Runs before `npm publish` (`prepublishOnly`) and refuses to publish what the registry page or
 * users would find broken:
 * - `repository`, `homepage` and `bugs` in package.json. They are left out until the project has a
 *   public address: an invented one would send users to someone else's page. The registry needs
 *   `repository` to show the README's pictures, whose paths are relative to the repository.
 * - a CHANGELOG.md section for the version being published (not only "Unreleased").
 * - a LICENSE file.
 * Then it builds, and runs the package and API checks on what will be packed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const problems = [];

for (const field of ['repository', 'homepage', 'bugs']) {
  if (!pkg[field]) problems.push(`package.json has no "${field}": add the project's public address before the first release.`);
}
const changelog = readFileSync(`${root}CHANGELOG.md`, 'utf8');
const escaped = pkg.version.replace(/\./g, '\\.');
if (!new RegExp(`^## \\[?${escaped}\\]? - \\d{4}-\\d{2}-\\d{2}`, 'm').test(changelog)) {
  problems.push(`CHANGELOG.md has no "## ${pkg.version} - YYYY-MM-DD" section: move the Unreleased notes under it.`);
}
if (!existsSync(`${root}LICENSE`)) problems.push('LICENSE is missing.');

if (problems.length) {
  console.error(`Not ready to publish ${pkg.name}@${pkg.version}:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  process.exit(1);
}
for (const script of ['build', 'check:package', 'check:api']) execFileSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });

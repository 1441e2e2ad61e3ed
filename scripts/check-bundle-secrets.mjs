#!/usr/bin/env node
/**
 * Fails when the built JavaScript carries anything that looks like a credential, a hard-coded
 * server, or a value from the build machine's environment. The widget ships no secrets: a host
 * passes its server and headers at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'dist';
const files = readdirSync(dist).filter((f) => f.endsWith('.js'));
const patterns = [
  [/sk-[A-Za-z0-9]{16,}/, 'an API-key-like token'],
  [/Bearer\s+[A-Za-z0-9._-]{12,}/, 'a bearer token'],
  [/api[_-]?key\s*[:=]\s*['"][^'"]{8,}/i, 'an api_key literal'],
  [/Authorization['"]?\s*:\s*['"][^'"]+['"]/, 'a hard-coded Authorization header'],
  // Reserved example domains (RFC 2606) appear in error messages and are fine.
  [/https?:\/\/(?![a-z0-9.-]*example\.(?:com|org|net)\b)[a-z0-9.-]+\.(?:com|io|net|ai|dev|org)\b/i, 'a hard-coded remote server URL'],
];
// Long environment values of this machine. Paths are noise, and npm's own npm_* variables
// describe this package (its name legitimately appears in messages).
const envValues = Object.entries(process.env).filter(
  ([key, value]) => value && value.length >= 12 && !value.includes('/') && !/^(npm_|PATH|PWD|HOME|SHELL|TERM|LANG|INIT_CWD)/.test(key),
);

let failures = 0;
for (const file of files) {
  const text = readFileSync(join(dist, file), 'utf8');
  for (const [pattern, what] of patterns) {
    const match = pattern.exec(text);
    if (match) {
      console.error(`${file}: ${what}: ${match[0].slice(0, 60)}`);
      failures += 1;
    }
  }
  for (const [key, value] of envValues) {
    if (text.includes(value)) {
      console.error(`${file}: contains the value of the build environment variable ${key}`);
      failures += 1;
    }
  }
}
if (failures > 0) process.exit(1);
console.log(`No secrets in ${files.length} bundle files.`);

#!/usr/bin/env node
/**
 * The API reports: one file per entry point in etc/, written by API Extractor from the bundled
 * declarations in dist/ (run `npm run build` first), listing every exported name and signature.
 * They are committed, so a change to the public API shows up in review as a change to them.
 *
 *   npm run api:update   writes the reports from the current build
 *   npm run check:api    fails when the build's API differs from the committed reports (CI),
 *                        then checks that the README documents it (scripts/docs-check.mjs)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');

/** Entry point (package.json `exports`) → its declarations in dist/ and its report's name. */
const ENTRIES = [
  ['parlant-chatbox', 'index'],
  ['parlant-chatbox/core', 'core'],
  ['parlant-chatbox/inspect', 'inspect'],
  ['parlant-chatbox/testing', 'testing'],
  ['parlant-chatbox/testing/msw', 'testing-msw'],
  ['parlant-chatbox/testing/node', 'testing-node'],
];

/**
 * Messages that say nothing new: no release tags are used, and the report itself marks undocumented
 * members and types that another entry point exports (the emulator behind `/testing/msw`).
 */
const QUIET = { logLevel: ExtractorLogLevel.None, addToApiReportFile: false };
const IN_REPORT = { logLevel: ExtractorLogLevel.None, addToApiReportFile: true };

mkdirSync(`${root}etc`, { recursive: true });
let failed = false;
for (const [entry, file] of ENTRIES) {
  const declarations = `${root}dist/${file}.d.ts`;
  if (!existsSync(declarations)) {
    console.error(`${declarations} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  const config = ExtractorConfig.prepare({
    configObjectFullPath: `${root}api-extractor.json`,
    packageJsonFullPath: `${root}package.json`,
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: declarations,
      compiler: { overrideTsconfig: { compilerOptions: { strict: true, skipLibCheck: true, lib: ['ES2023', 'DOM', 'DOM.Iterable'], types: ['node'] }, files: [declarations] } },
      apiReport: {
        enabled: true,
        reportFileName: file === 'index' ? 'parlant-chatbox' : `parlant-chatbox-${file}`,
        reportFolder: `${root}etc/`,
        reportTempFolder: `${root}.artifacts/api/`,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning },
          'ae-missing-release-tag': QUIET,
          'ae-undocumented': IN_REPORT,
          'ae-forgotten-export': IN_REPORT,
          'ae-unresolved-link': IN_REPORT,
        },
        tsdocMessageReporting: { default: QUIET },
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
      },
    },
  });
  const result = Extractor.invoke(config, { localBuild: !check, showVerboseMessages: false });
  if (result.apiReportChanged && check) {
    console.error(`The public API of ${entry} changed: review the difference with etc/, then run \`npm run api:update\` and commit it.`);
    failed = true;
  } else if (!result.succeeded) {
    console.error(`API Extractor failed on ${entry} (${result.errorCount} errors, ${result.warningCount} warnings).`);
    failed = true;
  } else {
    console.log(`${entry}: ${check ? 'matches' : 'written to'} etc/${config.reportFilePath.split('/').pop()}`);
  }
}
if (failed) process.exit(1);
if (check) execFileSync(process.execPath, [`${root}scripts/docs-check.mjs`], { stdio: 'inherit' });

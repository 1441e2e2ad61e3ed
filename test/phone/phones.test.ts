/**
 * The widget on phones, in Chromium's mobile emulation against the emulator over HTTP. One
 * file, so one host page build and one browser serve every scenario: these tests share the
 * machine with the rest of the suite.
 */
import { vi } from 'vitest';
import { keyboardScenarios } from './keyboard';
import { sheetScenarios } from './sheet';
import { phoneHarness } from './support';
import { touchScenarios } from './touch';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

const phones = phoneHarness();
sheetScenarios(phones);
keyboardScenarios(phones);
touchScenarios(phones);

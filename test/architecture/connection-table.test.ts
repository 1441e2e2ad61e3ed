import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextConnection, type ConnectionInput, type ConnectionState } from '../../src/core/connection';

/** The state machine table of docs/architecture.md is the code's, cell by cell. */
describe('the connection state machine as documented', () => {
  it('matches nextConnection for every state and input', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../../docs/architecture.md'), 'utf8');
    const table = doc.split('<!-- connection-table:start -->')[1]?.split('<!-- connection-table:end -->')[0] ?? '';
    const rows = table
      .trim()
      .split('\n')
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    const inputs = (rows[0] ?? []).slice(1) as ConnectionInput[];
    const body = rows.slice(2);
    expect(body.map((row) => row[0])).toEqual(['idle', 'connecting', 'live', 'reconnecting', 'offline', 'ended', 'unauthorized', 'failed']);
    for (const [from, ...cells] of body) {
      inputs.forEach((input, i) => {
        const next = nextConnection({ state: from as ConnectionState, since: 0 }, input, 1).state;
        expect(`${from} + ${input} → ${cells[i]}`).toBe(`${from} + ${input} → ${next === from ? '—' : next}`);
      });
    }
  });
});

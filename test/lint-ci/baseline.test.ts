// Baselines: written sorted and versioned, matched by fingerprint (each entry once), fixed entries
// returned, and a file that is not a baseline refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/common/diagnostics.js';
import {
  applyBaseline,
  createBaseline,
  readBaseline,
  serializeBaseline,
} from '../../src/lint/baseline.js';
import type { Finding } from '../../src/lint/types.js';

function finding(fingerprint: string, file = 'a.c', line = 1): Finding {
  return {
    ruleId: 'table-write',
    messageId: 'm',
    data: {},
    message: `m ${fingerprint}`,
    severity: 'error',
    file,
    line,
    column: 1,
    sourceLine: '',
    fingerprint,
  };
}

const fp = (c: string) => c.repeat(32);

describe('baseline', () => {
  it('is written sorted by file and line, and reads back', () => {
    const baseline = createBaseline([
      finding(fp('b'), 'b.c', 3),
      finding(fp('a'), 'a.c', 9),
      finding(fp('c'), 'a.c', 2),
    ]);
    expect(baseline.findings.map((f) => f.fingerprint)).toEqual([fp('c'), fp('a'), fp('b')]);
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-baseline-'));
    writeFileSync(join(dir, 'b.json'), serializeBaseline(baseline));
    expect(readBaseline(join(dir, 'b.json'), 'b.json')).toEqual(baseline);
  });

  it('marks known findings unchanged, others new, and returns what vanished', () => {
    const baseline = createBaseline([finding(fp('a')), finding(fp('b'))]);
    const now = [finding(fp('a'), 'a.c', 40), finding(fp('c'))];
    const fixed = applyBaseline(now, baseline);
    expect(now.map((f) => f.baselineState)).toEqual(['unchanged', 'new']);
    expect(fixed).toEqual([
      { fingerprint: fp('b'), ruleId: 'table-write', file: 'a.c', message: `m ${fp('b')}` },
    ]);
  });

  it('matches each entry once', () => {
    const now = [finding(fp('a')), finding(fp('a'))];
    applyBaseline(now, createBaseline([finding(fp('a'))]));
    expect(now.map((f) => f.baselineState)).toEqual(['unchanged', 'new']);
  });

  it('refuses another version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-baseline-'));
    writeFileSync(join(dir, 'v2.json'), '{"version": 2, "findings": []}');
    expect(() => readBaseline(join(dir, 'v2.json'), 'v2.json')).toThrow(UserError);
    expect(() => readBaseline(join(dir, 'v2.json'), 'v2.json')).toThrow(
      /\/version must be equal to constant/,
    );
  });
});

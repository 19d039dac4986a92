// Fingerprints survive code moving down the file, re-indentation and trailing comments, and still
// tell apart the same statement written twice.
import { describe, expect, it } from 'vitest';
import { assignFingerprints, normaliseLine } from '../../src/lint/fingerprint.js';
import type { Finding } from '../../src/lint/types.js';

function finding(line: number, sourceLine: string, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'table-write',
    messageId: 'slotWrite',
    data: {},
    message: 'Writes a slot.',
    severity: 'error',
    file: 'src/hook.c',
    line,
    column: 2,
    sourceLine,
    fingerprint: '',
    ...overrides,
  };
}

function fingerprints(findings: Finding[]): string[] {
  assignFingerprints(findings);
  return findings.map((f) => f.fingerprint);
}

describe('normaliseLine', () => {
  it('drops comments and collapses whitespace, but keeps string literals whole', () => {
    expect(normaliseLine('\t  sys_call_table[ __NR_open ]  =  x; // hook')).toBe(
      'sys_call_table[ __NR_open ] = x;',
    );
    expect(normaliseLine('a = 1; /* note */ b = 2;')).toBe('a = 1; b = 2;');
    expect(normaliseLine('p = "http://x"; // c')).toBe('p = "http://x";');
    expect(normaliseLine("c = '/'; // c")).toBe("c = '/';");
  });
});

describe('assignFingerprints', () => {
  it('does not change when lines are inserted above the finding', () => {
    const before = fingerprints([finding(14, '\tsys_call_table[__NR_open] = my_open;')]);
    const after = fingerprints([finding(31, '\tsys_call_table[__NR_open] = my_open;')]);
    expect(after).toEqual(before);
    expect(before[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('does not change on re-indentation or an added trailing comment', () => {
    const a = fingerprints([finding(3, 'sys_call_table[__NR_open] = my_open;')]);
    const b = fingerprints([
      finding(
        3,
        '        sys_call_table[__NR_open]   = my_open; // syscalltbl-lint-disable-line x -- y',
      ),
    ]);
    expect(b).toEqual(a);
  });

  it('changes with the code, the rule and the file', () => {
    const base = fingerprints([finding(3, 'sys_call_table[__NR_open] = my_open;')])[0];
    expect(fingerprints([finding(3, 'sys_call_table[__NR_read] = my_read;')])[0]).not.toBe(base);
    expect(
      fingerprints([
        finding(3, 'sys_call_table[__NR_open] = my_open;', { ruleId: 'table-reference' }),
      ])[0],
    ).not.toBe(base);
    expect(
      fingerprints([
        finding(3, 'sys_call_table[__NR_open] = my_open;', { file: 'src/other.c' }),
      ])[0],
    ).not.toBe(base);
  });

  it('tells identical lines apart by order, whatever order the findings arrive in', () => {
    const line = 'sys_call_table[__NR_open] = my_open;';
    const forward = fingerprints([finding(10, line), finding(20, line)]);
    const backward = fingerprints([finding(20, line), finding(10, line)]);
    expect(new Set(forward).size).toBe(2);
    expect(backward).toEqual([forward[1], forward[0]]);
  });

  it('keeps both fingerprints when the pair moves down together', () => {
    const line = 'sys_call_table[__NR_open] = my_open;';
    const before = fingerprints([finding(10, line), finding(20, line)]);
    const after = fingerprints([finding(40, line), finding(50, line)]);
    expect(after).toEqual(before);
  });
});

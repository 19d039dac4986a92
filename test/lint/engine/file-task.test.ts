import { describe, expect, it } from 'vitest';
import { finishTask } from '../../../src/lint/engine/file-task.js';

const task = { abs: '/m/hook.c', rel: 'm/hook.c' };
const code = 'extern void **my_table;\nvoid f(void) { my_table[0] = 0; }\n';
const read = { status: 'candidate' as const, bytes: new TextEncoder().encode(code) };

function rulesFound(tableNames: ReadonlySet<string>): string[] {
  const o = finishTask(task, read, { tableNames, maxBytes: 1 << 20 }, null);
  return (o.findings ?? []).map((f) => `${f.ruleId}:${f.line}`);
}

describe('finishTask', () => {
  it('lints with the run’s set of table names, as it is at each file', () => {
    const names = new Set(['sys_call_table']);
    expect(rulesFound(names)).toEqual([]);
    expect(rulesFound(names)).toEqual([]);
    expect(rulesFound(new Set(['my_table']))).toContain('table-write:2');
    expect(rulesFound(new Set(['my_table', 'other_table']))).toContain('table-write:2');
    expect(rulesFound(new Set(['other_table']))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { finishTask } from '../../../src/lint/engine/file-task.js';

const task = { abs: '/m/hook.c', rel: 'm/hook.c' };
const code = 'extern void **my_table;\nvoid f(void) { my_table[0] = 0; }\n';
const read = { status: 'candidate' as const, bytes: new TextEncoder().encode(code) };

function rulesFound(tableNames: string[]): string[] {
  const o = finishTask(task, read, { tableNames, maxBytes: 1 << 20 }, null);
  return (o.findings ?? []).map((f) => `${f.ruleId}:${f.line}`);
}

describe('finishTask', () => {
  it('lints with the run’s table names, one set kept for the array and made again when it changes', () => {
    const names = ['sys_call_table'];
    expect(rulesFound(names)).toEqual([]);
    expect(rulesFound(names)).toEqual([]);
    names[0] = 'my_table';
    expect(rulesFound(names)).toContain('table-write:2');
    names.push('other_table');
    expect(rulesFound(names)).toContain('table-write:2');
    names.splice(0, 1);
    expect(rulesFound(names)).toEqual([]);
  });
});

// The fix hint for a written slot, by what the spec says of the syscall: a stub to register,
// a reserved slot to declare a stub, or a syscall the kernel implements (observe it instead).
import { describe, expect, it } from 'vitest';
import { stubFixes } from '../../src/lint/stub-fix.js';
import type { Spec } from '../../src/spec/model.js';

const spec = {
  kernel: '6.12.117',
  syscalls: [
    {
      name: 'getpmsg',
      reserved: true,
      stub: { params: [] },
      rows: [{ table: 'x86/64', tag: '64', nr: 181, name: 'getpmsg', entry: null }],
    },
    { name: 'tuxcall', reserved: true, rows: [] },
    {
      name: 'getdents',
      reserved: false,
      rows: [{ table: 'x86/64', tag: 'common', nr: 78, name: 'getdents', entry: 'sys_getdents' }],
    },
  ],
} as unknown as Spec;

describe('stubFixes', () => {
  const fixes = stubFixes(['getpmsg', 'tuxcall', 'getdents', 'no_such_call'], spec, 'my.yaml');

  it('names the registration function of a declared stub', () => {
    expect(fixes.get('getpmsg')).toContain('getpmsg is a module stub in my.yaml');
    expect(fixes.get('getpmsg')).toContain('syscalltbl_register_getpmsg()');
  });

  it('asks for a stub declaration for a reserved slot', () => {
    expect(fixes.get('tuxcall')).toMatch(/^tuxcall is a reserved slot in my\.yaml: declare it/);
  });

  it('points a syscall the kernel implements at the sanctioned ways to observe it', () => {
    expect(fixes.get('getdents')).toMatch(
      /^getdents is implemented by the kernel \(sys_getdents\): a module must not replace it/,
    );
    expect(fixes.get('getdents')).toContain('ftrace');
  });

  it('says nothing of a syscall the spec does not know (the rule hint stays)', () => {
    expect(fixes.has('no_such_call')).toBe(false);
  });
});

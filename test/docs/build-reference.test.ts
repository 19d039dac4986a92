// The resolved reference: numbers with ABI offsets, entry points, status, and the register of
// each argument, on the fixture spec.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reference, RefSyscall } from '../../src/docs/reference-model.js';
import { miniReference, miniSpec } from './helpers/fixture.js';

let ref: Reference;
const syscall = (name: string): RefSyscall => {
  const s = ref.syscalls.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name}`);
  return s;
};

beforeAll(async () => {
  ref = await miniReference();
});

describe('buildReference', () => {
  it('names the kernel, the spec and its source', () => {
    expect(ref.kernel).toBe('6.12.117');
    expect(ref.spec).toBe(miniSpec);
    expect(ref.source).toContain('test fixture');
  });

  it('lists ABIs in descriptor order with their counts', () => {
    expect(ref.abis.map((a) => `${a.name}:${a.count}`)).toEqual([
      'arm_oabi:6',
      'arm_eabi:5',
      'mips_o32:7',
      'mips_n32:4',
      'mips_n64:4',
      'i386:7',
      'x86_64:8',
      'x32:7',
    ]);
    expect(ref.arches.map((a) => a.arch)).toEqual(['arm', 'mips', 'x86']);
  });

  it('sorts syscalls by name', () => {
    const names = ref.syscalls.map((s) => s.name);
    expect(names).toEqual([...names].sort());
  });

  it('applies and shows each kind of offset: a flag bit, a base, none', () => {
    const execve = syscall('execve').abis;
    expect(execve.x86_64).toMatchObject({ nr: 59, number: 59, hex: '0x3b', display: '59' });
    expect(execve.x32).toMatchObject({
      nr: 520,
      number: 0x40000208,
      hex: '0x40000208',
      display: '0x40000000 | 520',
    });
    expect(execve.mips_o32).toMatchObject({ nr: 11, number: 4011, display: '4000 + 11' });
    expect(execve.mips_n64).toMatchObject({ nr: 57, number: 5057, display: '5000 + 57' });
    expect(execve.arm_oabi).toMatchObject({ nr: 11, number: 0x90000b, display: '0x900000 + 11' });
    // EABI's __NR_SYSCALL_BASE is 0: no offset to show.
    expect(execve.arm_eabi).toMatchObject({ nr: 11, number: 11, display: '11' });
    expect(ref.abis.find((a) => a.name === 'x32')?.offset).toEqual({
      symbol: '__X32_SYSCALL_BIT',
      value: 0x40000000,
      text: '0x40000000',
      operator: '|',
    });
  });

  it('leaves out ABIs without a number', () => {
    expect(Object.keys(syscall('uretprobe').abis)).toEqual(['x86_64', 'x32']);
    expect(Object.keys(syscall('syscall').abis)).toEqual(['arm_oabi']);
  });

  it('carries entry points, compat entries and noreturn', () => {
    expect(syscall('execve').abis.i386).toMatchObject({
      entry: 'sys_execve',
      compat: 'compat_sys_execve',
    });
    expect(syscall('execve').abis.x32).toMatchObject({ entry: 'compat_sys_execve', compat: null });
    expect(syscall('exit').abis.x86_64?.noreturn).toBe(true);
    expect(syscall('exit').abis.arm_eabi?.noreturn).toBe(false);
  });

  it('tells implemented, module stub and not implemented apart', () => {
    expect(syscall('read').abis.x86_64?.status).toBe('implemented');
    const afs = syscall('afs_syscall');
    expect(afs.stub).toEqual({ reason: expect.stringContaining('OpenAFS'), compat: true });
    expect(afs.reserved).toBe(true);
    expect(afs.abis.x86_64).toMatchObject({ entry: null, status: 'stub' });
    expect(afs.abis.i386).toMatchObject({ entry: 'sys_ni_syscall', status: 'stub' });
  });

  it('gives each argument its register on each ABI', () => {
    const openat = syscall('openat');
    expect(openat.signature).toBe(
      'long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)',
    );
    expect(openat.abis.x86_64?.call).toEqual({
      instruction: 'syscall',
      numberRegister: 'rax',
      args: [
        { name: 'dfd', type: 'int', register: 'rdi', wide: false },
        { name: 'filename', type: 'const char __user *', register: 'rsi', wide: false },
        { name: 'flags', type: 'int', register: 'rdx', wide: false },
        { name: 'mode', type: 'umode_t', register: 'r10', wide: false },
      ],
      returnRegister: 'rax',
      exact: true,
    });
    expect(openat.abis.i386?.call.args?.map((a) => a.register)).toEqual([
      'ebx',
      'ecx',
      'edx',
      'esi',
    ]);
    // ARM OABI encodes the number in the instruction.
    expect(openat.abis.arm_oabi?.call).toMatchObject({
      instruction: 'swi NR',
      numberRegister: null,
    });
  });

  it('marks a 64-bit argument on a 32-bit ABI as indicative, not on a 64-bit one', () => {
    const pread = syscall('pread64');
    expect(pread.abis.i386?.call.args?.[3]).toEqual({
      name: 'pos',
      type: 'loff_t',
      register: 'esi',
      wide: true,
    });
    expect(pread.abis.i386?.call.exact).toBe(false);
    expect(pread.abis.x86_64?.call.args?.[3]?.wide).toBe(false);
    expect(pread.abis.x86_64?.call.exact).toBe(true);
  });

  it('distinguishes an unknown signature from an empty one', () => {
    expect(syscall('arch_prctl')).toMatchObject({ params: null, signature: null });
    expect(syscall('arch_prctl').abis.x86_64?.call.args).toBeNull();
    expect(syscall('uretprobe')).toMatchObject({
      params: [],
      signature: 'long sys_uretprobe(void)',
    });
    expect(syscall('uretprobe').abis.x86_64?.call.args).toEqual([]);
  });

  it('carries since and man page, null when unknown', () => {
    expect(syscall('openat')).toMatchObject({ since: '2.6.16', man: 'openat(2)' });
    expect(syscall('uretprobe')).toMatchObject({ since: null, man: null });
  });
});

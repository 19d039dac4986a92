// `syscalltbl show`: by number on one ABI, by name on every ABI, JSON, and clear misses.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('show', () => {
  it('59 on x86_64 is execve, with its registers', () => {
    const run = runCli(['show', '59', '--abi', 'x86_64']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^execve \(Linux 6\.12\.117\)/);
    expect(run.stdout).toMatch(/on x86_64: syscall, number in rax, result in rax/);
    expect(run.stdout).toMatch(/rdi\s+const char __user \*filename/);
  });

  it('a number without --abi lists it on every ABI', () => {
    const run = runCli(['show', '59']);
    expect(run.stdout).toMatch(/^\s+x86_64\s+execve$/m);
    expect(run.stdout).toMatch(/^\s+i386\s+oldolduname$/m);
    expect(run.stdout).toMatch(/^\s+arm64\s+pipe2$/m);
  });

  it('openat on every ABI, offsets applied and shown', () => {
    const run = runCli(['show', 'openat', '--json']);
    const info = JSON.parse(run.stdout);
    const by = Object.fromEntries(info.placements.map((p: { abi: string }) => [p.abi, p]));
    expect(by.x86_64).toMatchObject({ nr: 257, number: 257, entry: 'sys_openat' });
    expect(by.x32).toMatchObject({
      nr: 257,
      number: 0x40000000 + 257,
      offset: { symbol: '__X32_SYSCALL_BIT' },
    });
    expect(by.mips_n64).toMatchObject({ number: 5000 + 247 });
    expect(by.s390).toMatchObject({ nr: 288, compat: 'compat_sys_openat' });
    expect(
      by.x86_64.args.map((a: { register: string; name: string }) => `${a.register}=${a.name}`),
    ).toEqual(['rdi=dfd', 'rsi=filename', 'rdx=flags', 'r10=mode']);
    expect(Object.keys(by)).toHaveLength(32);
  });

  it('the number user space passes finds the syscall too (x32 bit 30)', () => {
    const run = runCli(['show', String(0x40000000 + 520), '--abi', 'x32', '--json']);
    expect(JSON.parse(run.stdout).matches[0].name).toBe('execve');
  });

  it.each([
    ['__NR_execve', ['execve']],
    ['__NR_ia32_read', ['read']],
    ['SYS_openat', ['openat']],
    ['__NR_arm_sync_file_range', ['arm_sync_file_range']],
    ['sys_execve', ['execve']],
    ['__x64_sys_execve', ['execve']],
    ['__arm64_sys_openat', ['openat']],
    ['compat_sys_open', ['open']],
    ['sys_newuname', ['uname']],
    ['EXECVE', ['execve']],
  ])('finds %s as a kernel engineer writes it: %j', (query, names) => {
    const run = runCli(['show', query, '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect([JSON.parse(run.stdout).name]).toEqual(names);
  });

  it('lists every syscall an entry point serves', () => {
    const run = runCli(['show', 'sys_select', '--json']);
    const names = JSON.parse(run.stdout).matches.map((m: { name: string }) => m.name);
    expect(names).toEqual(['_newselect', 'select']);
    expect(runCli(['show', 'sys_ni_syscall']).status).toBe(2);
  });

  it('misses are clear errors with suggestions, exit 2', () => {
    const name = runCli(['show', 'opnat']);
    expect(name.status).toBe(2);
    expect(name.stderr).toMatch(
      /error\[unknown-syscall\]: no syscall named "opnat"\n\s+= hint: did you mean openat/,
    );
    const abi = runCli(['show', '59', '--abi', 'x86-64']);
    expect(abi.status).toBe(2);
    expect(abi.stderr).toMatch(
      /error\[unknown-abi\]: no ABI named "x86-64"\n\s+= hint: did you mean x86_64/,
    );
    const number = runCli(['show', '9999', '--abi', 'x86_64']);
    expect(number.status).toBe(2);
    expect(number.stderr).toContain('hint: x86_64 numbers run from 0 to 462 in this spec');
    expect(runCli(['show', '999', '--abi', 'mips_o32']).stderr).toContain(
      '(user space passes __NR_Linux + the number)',
    );
  });

  it('works from any folder with the bundled spec', () => {
    const run = runCli(['show', '59', '--abi', 'x86_64'], {
      cwd: mkdtempSync(join(tmpdir(), 'syscalltbl-')),
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^execve/);
  });
});

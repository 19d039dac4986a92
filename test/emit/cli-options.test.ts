// generate's options: --arch (with the known architectures listed on a typo), --list (sorted,
// nothing written), the default output root, determinism.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readTree, tempDir } from './helpers/tree.js';

describe('--arch', () => {
  it('an unknown architecture is an error listing the known ones', () => {
    const run = runCli(['generate', '--arch', 'x86,vax', '--out', join(tempDir(), 'o')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error[arch-unknown]: unknown architecture: vax');
    expect(run.stderr).toMatch(
      /known architectures: alpha, arc, arm, arm64, .*generic.*, x86, xtensa/,
    );
  });

  it('an empty list is an error', () => {
    expect(runCli(['generate', '--arch', ',', '--list']).status).toBe(2);
  });

  it('generic owns scripts/syscall.tbl and nothing else', () => {
    const out = join(tempDir(), 'o');
    expect(runCli(['generate', '--arch', 'generic', '--out', out]).status).toBe(0);
    expect([...readTree(out).keys()]).toEqual(['scripts/syscall.tbl']);
  });

  it('riscv writes its headers from the generic table, without writing the table', () => {
    const run = runCli(['generate', '--arch', 'riscv', '--list', '--out', 'o']);
    expect(run.stdout).toBe(
      [
        'o/arch/riscv/include/generated/asm/syscall_table_32.h',
        'o/arch/riscv/include/generated/asm/syscall_table_64.h',
        'o/arch/riscv/include/generated/uapi/asm/unistd_32.h',
        'o/arch/riscv/include/generated/uapi/asm/unistd_64.h',
        '',
      ].join('\n'),
    );
  });
});

describe('--list', () => {
  it('prints every file sorted, relative to --out as given, and writes nothing', () => {
    const root = tempDir();
    const run = runCli(['generate', '--arch', 's390,x86', '--list', '--out', 'build'], {
      cwd: root,
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toEqual([...lines].sort());
    expect(lines).toContain('build/arch/s390/include/generated/asm/syscall_table.h');
    expect(lines).toContain('build/arch/x86/entry/syscalls/syscall_64.tbl');
    expect(lines).toContain('build/arch/i386/kernel/syscall_table.S');
    expect(lines).toHaveLength(16);
    expect(readdirSync(root)).toEqual([]);
  });

  it('with the default --out, paths are relative to the working folder', () => {
    const run = runCli(['generate', '--arch', 's390', '--list'], { cwd: tempDir() });
    expect(run.stdout.split('\n')[0]).toBe('arch/s390/include/generated/asm/syscall_table.h');
  });
});

it('is deterministic: two runs, same bytes; no machine paths in the output', () => {
  const root = tempDir();
  for (const dir of ['a', 'b'])
    expect(
      runCli(['generate', '--arch', 'x86,arm,s390,generic', '--out', join(root, dir)]).status,
    ).toBe(0);
  const a = readTree(join(root, 'a'));
  expect(readTree(join(root, 'b'))).toEqual(a);
  for (const [path, bytes] of a) {
    expect(bytes.includes(root), path).toBe(false);
    expect(/20\d\d-\d\d-\d\d|\d\d:\d\d:\d\d/.test(bytes.toString('utf8')), path).toBe(false);
  }
});

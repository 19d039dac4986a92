// The table layout of the era the problem began in (2.5's i386 entry.S: one .long per slot,
// padded with sys_ni_syscall up to NR_syscalls) is one descriptor entry plus one template; it
// assembles, and the padding really fills the table up to NR_syscalls.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from './helpers/tree.js';

const root = tempDir();
const file = join(root, 'out', 'arch/i386/kernel/syscall_table.S');
let text = '';

beforeAll(() => {
  expect(runCli(['generate', '--arch', 'x86', '--out', join(root, 'out')]).status).toBe(0);
  text = readFileSync(file, 'utf8');
});

it('lists one .long per slot from 0, holes as sys_ni_syscall, every fifth numbered', () => {
  const longs = text.split('\n').filter((l) => l.startsWith('\t.long '));
  expect(longs).toHaveLength(463);
  expect(longs[0]).toBe('\t.long sys_restart_syscall\t\t/* 0 */');
  expect(longs[1]).toBe('\t.long sys_exit');
  expect(longs[5]).toBe('\t.long sys_open\t\t/* 5 */');
  // 17 (break) has no entry point; 222 is a hole.
  expect(longs[17]).toBe('\t.long sys_ni_syscall');
  expect(longs[222]).toBe('\t.long sys_ni_syscall');
  expect(text).toContain('ENTRY(sys_call_table)\n');
  expect(text).toContain(
    '\t.rept NR_syscalls-(.-sys_call_table)/4\n\t\t.long sys_ni_syscall\n\t.endr\n',
  );
});

const gcc = spawnSync('gcc', ['--version']).status === 0;

it.skipIf(!gcc)(`assembles, padded to NR_syscalls${gcc ? '' : ' (SKIPPED: no gcc)'}`, () => {
  const shim = join(root, 'shim', 'linux');
  mkdirSync(shim, { recursive: true });
  writeFileSync(join(shim, 'linkage.h'), '#define ENTRY(name) .globl name; name:\n');
  const dataSize = (defines: string[]) => {
    const object = join(root, 'table.o');
    const cc = spawnSync(
      'gcc',
      ['-c', '-x', 'assembler-with-cpp', '-I', join(root, 'shim'), ...defines, file, '-o', object],
      { encoding: 'utf8' },
    );
    expect(cc.status, cc.stderr).toBe(0);
    const size = spawnSync('size', ['-A', object], { encoding: 'utf8' }).stdout;
    return Number(/^\.data\s+(\d+)/m.exec(size)?.[1]);
  };
  expect(dataSize([])).toBe(463 * 4);
  expect(dataSize(['-DNR_syscalls=512'])).toBe(512 * 4);
});

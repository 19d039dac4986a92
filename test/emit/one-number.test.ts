// Changing one number in a copy of the spec changes exactly the expected lines of exactly the
// expected files: mseal moves from 462 to 463 on x86-64 (and so on x32, which shares the table).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { structuredPatch } from 'diff';
import { beforeAll, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/run-cli.js';
import { readTree, tempDir } from './helpers/tree.js';

const root = tempDir();
const spec = join(root, 'syscalls.yaml');
let before = new Map<string, Buffer>();
let after = new Map<string, Buffer>();

/** Removed and added lines of one file, in order. */
function lineChanges(a: Buffer | undefined, b: Buffer | undefined) {
  const patch = structuredPatch('a', 'b', a?.toString('utf8') ?? '', b?.toString('utf8') ?? '');
  const lines = patch.hunks.flatMap((h) => h.lines);
  return {
    removed: lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1)),
    added: lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1)),
  };
}

beforeAll(() => {
  const original = readFileSync(join(repoRoot, 'syscalls.yaml'), 'utf8');
  const record = original.indexOf('\n  mseal:\n');
  const line = original.indexOf('      x86/64: {common: 462}\n', record);
  expect(record).toBeGreaterThan(0);
  expect(line).toBeGreaterThan(record);
  writeFileSync(spec, original);
  expect(runCli(['generate', '--spec', spec, '--out', join(root, 'before')]).status).toBe(0);
  writeFileSync(
    spec,
    `${original.slice(0, line)}      x86/64: {common: 463}\n${original.slice(line + '      x86/64: {common: 462}\n'.length)}`,
  );
  expect(runCli(['generate', '--spec', spec, '--out', join(root, 'after')]).status).toBe(0);
  before = readTree(join(root, 'before'));
  after = readTree(join(root, 'after'));
});

const X86 = 'arch/x86/include/generated';

it('changes exactly the files that read x86-64 or x32 numbers', () => {
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  const changed = [...after.keys()].filter(
    (p) => !after.get(p)?.equals(before.get(p) ?? Buffer.alloc(0)),
  );
  expect(changed.sort()).toEqual(
    [
      'arch/x86/entry/syscalls/syscall_64.tbl',
      `${X86}/asm/syscalls_64.h`,
      `${X86}/asm/syscalls_x32.h`,
      `${X86}/uapi/asm/unistd_64.h`,
      `${X86}/uapi/asm/unistd_x32.h`,
    ].sort(),
  );
});

it.each([
  [
    'arch/x86/entry/syscalls/syscall_64.tbl',
    ['462\tcommon\tmseal\tsys_mseal'],
    ['463\tcommon\tmseal\tsys_mseal'],
  ],
  [
    `${X86}/uapi/asm/unistd_64.h`,
    ['#define __NR_mseal 462', '#define __NR_syscalls 463'],
    ['#define __NR_mseal 463', '#define __NR_syscalls 464'],
  ],
  // x32's __NR_syscalls stays 548: its last row is still 547.
  [
    `${X86}/uapi/asm/unistd_x32.h`,
    ['#define __NR_mseal (__X32_SYSCALL_BIT + 462)'],
    ['#define __NR_mseal (__X32_SYSCALL_BIT + 463)'],
  ],
  // The 64-bit table grows by one slot; 462 becomes a hole.
  [
    `${X86}/asm/syscalls_64.h`,
    ['__SYSCALL(462, sys_mseal)'],
    ['__SYSCALL(462, sys_ni_syscall)', '__SYSCALL(463, sys_mseal)'],
  ],
  // The x32 table already runs to 547: two slots trade places.
  [
    `${X86}/asm/syscalls_x32.h`,
    ['__SYSCALL(462, sys_mseal)', '__SYSCALL(463, sys_ni_syscall)'],
    ['__SYSCALL(462, sys_ni_syscall)', '__SYSCALL(463, sys_mseal)'],
  ],
])('%s: exactly the expected lines', (path, removed, added) => {
  expect(lineChanges(before.get(path), after.get(path))).toEqual({ removed, added });
});

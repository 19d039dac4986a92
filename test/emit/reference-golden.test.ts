// The 60 reference headers, generated from the bundled spec, byte for byte; and `--check`
// against a tree that holds the reference passes. Goldens are read straight from
// ../shared/reference/linux-6.12.117/expected (never copied).
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceExpected } from '../helpers/reference.js';
import { runCli } from '../helpers/run-cli.js';
import { readTree, tempDir } from './helpers/tree.js';

const expected = readTree(referenceExpected);
expected.delete('MANIFEST.md');
const byArch = new Map<string, string[]>();
for (const path of expected.keys()) {
  const arch = path.split('/')[0] ?? '';
  byArch.set(arch, [...(byArch.get(arch) ?? []), path]);
}

const root = tempDir();
const out = join(root, 'out');
let generated = new Map<string, Buffer>();
const identical = new Map<string, number>();

beforeAll(() => {
  const run = runCli(['generate', '--out', out]);
  expect(run.stderr).toContain('wrote');
  expect(run.status).toBe(0);
  generated = readTree(out);
});

afterAll(() => {
  const lines = [...byArch.keys()]
    .sort()
    .map((a) => `  ${a.padEnd(11)} ${identical.get(a) ?? 0}/${byArch.get(a)?.length}`);
  const total = [...identical.values()].reduce((n, k) => n + k, 0);
  console.log(
    `byte-identical reference files per architecture:\n${lines.join('\n')}\n  total       ${total}/${expected.size}`,
  );
});

it('the reference holds 60 generated headers', () => {
  expect(expected.size).toBe(60);
});

for (const [arch, paths] of [...byArch].sort()) {
  describe(`${arch} (${paths.length} files)`, () => {
    for (const path of paths.sort()) {
      const rest = path.slice(arch.length + 1);
      const target = `arch/${arch}/include/generated/${rest}`;
      it(target, () => {
        const ours = generated.get(target);
        expect(ours, `${target} was not generated`).toBeDefined();
        // Compare as text for a readable diff, then as bytes.
        expect(ours?.toString('utf8')).toBe(expected.get(path)?.toString('utf8'));
        expect(ours?.equals(expected.get(path) ?? Buffer.alloc(0))).toBe(true);
        identical.set(arch, (identical.get(arch) ?? 0) + 1);
      });
    }
  });
}

describe('--check against a tree holding the reference', () => {
  const tree = join(root, 'reference-tree');

  beforeAll(() => {
    // Our own files for everything the reference does not hold (the .tbl files, other
    // architectures' outputs), then the 60 reference headers copied over ours.
    cpSync(out, tree, { recursive: true });
    for (const [path, bytes] of expected) {
      const [arch, ...rest] = path.split('/');
      const target = join(tree, 'arch', arch ?? '', 'include', 'generated', ...rest);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, bytes);
    }
  });

  it('passes: exit 0, no diff, nothing written', () => {
    const before = readTree(tree);
    const run = runCli(['generate', '--check', '--out', tree]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/all \d+ generated files under .* are current/);
    expect(run.status).toBe(0);
    expect(readTree(tree)).toEqual(before);
  });

  it('fails with a unified diff once a reference header is edited', () => {
    const target = join(tree, 'arch/x86/include/generated/uapi/asm/unistd_64.h');
    const original = expected.get('x86/uapi/asm/unistd_64.h')?.toString('utf8') ?? '';
    writeFileSync(target, original.replace('#define __NR_read 0\n', '#define __NR_read 9\n'));
    const run = runCli(['generate', '--check', '--out', tree]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`--- ${tree}/arch/x86/include/generated/uapi/asm/unistd_64.h`);
    expect(run.stdout).toContain('-#define __NR_read 9\n+#define __NR_read 0\n');
    writeFileSync(target, original);
    expect(runCli(['generate', '--check', '--out', tree]).status).toBe(0);
  });
});

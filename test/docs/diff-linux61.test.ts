// `syscalltbl diff` between an import of Debian's linux-source-6.1 and the bundled 6.12 spec,
// checked against an independent reading of both kernels' .tbl files (for the ABIs 6.1 has a
// .tbl for; the asm-generic ABIs, which 6.1 keeps in headers, are spot-checked). Needs the 6.1 tree
// ($SYSCALLTBL_LINUX61_SRC, else /usr/src/linux-source-6.1) and the 6.12 reference tables.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArchSet } from '../../src/arch/load.js';
import type { SpecDiff } from '../../src/docs/diff-model.js';
import { referenceTbl } from '../helpers/reference.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const linux61 = [process.env.SYSCALLTBL_LINUX61_SRC, '/usr/src/linux-source-6.1'].find(
  (d): d is string =>
    !!d && existsSync(join(d, 'arch', 'x86', 'entry', 'syscalls', 'syscall_64.tbl')),
);
const ready = linux61 !== undefined && existsSync(referenceTbl);
const reason = ready
  ? `${linux61} against the bundled spec`
  : 'skipped: no linux-source-6.1 tree (set SYSCALLTBL_LINUX61_SRC) or no 6.12 reference tables';

interface TblRow {
  nr: number;
  tag: string;
  entry: string | null;
  compat: string | null;
  noreturn: boolean;
}

/** name → row for one ABI, read straight from a .tbl file: `nr abi name [entry [compat]] [noreturn]`. */
function readAbi(file: string, tags: string[]): Map<string, TblRow> | undefined {
  if (!existsSync(file)) return undefined;
  const rows = new Map<string, TblRow>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length < 3) continue;
    const [nr, tag, name, entry, compat] = fields as [string, string, string, string?, string?];
    // The kernel's scripts match a tag when it starts with a selected one (`^NR\s+(a|b)`).
    if (!tags.some((t) => tag.startsWith(t))) continue;
    const column = (v: string | undefined) => (v && v !== '-' && v !== 'noreturn' ? v : null);
    expect(rows.has(name), `${file}: ${name} twice for ${tags}`).toBe(false);
    rows.set(name, {
      nr: Number(nr),
      tag,
      entry: column(entry),
      compat: column(compat),
      noreturn: fields.includes('noreturn'),
    });
  }
  return rows.size > 0 ? rows : undefined;
}

describe.skipIf(!ready)(`diff Linux 6.1 → 6.12 (${reason})`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'syscalltbl-61-'));
  const spec61 = join(tmp, 'linux-6.1.yaml');
  let diff: SpecDiff;
  let markdown: string;
  const expected: string[] = [];
  const onlyNew: string[] = [];
  const onlyOld: string[] = [];
  const tblAbis = new Set<string>();
  const x86_64Added: Array<{ name: string; nr: number }> = [];

  beforeAll(() => {
    const imported = runCli(['import', '--kernel', linux61 as string, '--out', spec61]);
    expect(imported.status, imported.stderr).toBe(0);
    const json = runCli(['diff', spec61, join(repoRoot, 'syscalls.yaml'), '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    diff = JSON.parse(json.stdout);
    markdown = runCli(['diff', spec61, join(repoRoot, 'syscalls.yaml')]).stdout;

    // The independent computation: every ABI's rows in both kernels' own tables.
    const arches = loadArchSet();
    for (const abi of arches.arches.flatMap((a) => a.abis)) {
      const path = arches.tables.get(abi.table)?.path as string;
      const before = readAbi(join(linux61 as string, path), abi.tags);
      const after = readAbi(join(referenceTbl, path), abi.tags);
      if (!before || !after) {
        if (after && !arches.tables.get(abi.table)?.legacySources.length) onlyNew.push(abi.name);
        if (before) onlyOld.push(abi.name);
        continue;
      }
      tblAbis.add(abi.name);
      for (const [name, old] of before) {
        const now = after.get(name);
        if (!now) {
          expected.push(`removed ${name} ${abi.name}`);
          continue;
        }
        if (old.nr !== now.nr) expected.push(`renumbered ${name} ${abi.name} ${old.nr}->${now.nr}`);
        const fields = (['entry', 'compat', 'noreturn'] as const).filter((f) => old[f] !== now[f]);
        if (fields.length) expected.push(`entry-changed ${name} ${abi.name} ${fields.join(',')}`);
      }
      for (const [name, now] of after) {
        if (before.has(name)) continue;
        expected.push(`added ${name} ${abi.name}`);
        if (abi.name === 'x86_64') x86_64Added.push({ name, nr: now.nr });
      }
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('names both kernels', () => {
    expect(diff.old.kernel).toMatch(/^6\.1\./);
    expect(diff.new).toEqual({ kernel: '6.12.117', spec: 'syscalls.yaml' });
    expect(markdown).toContain(`Linux ${diff.old.kernel} → Linux 6.12.117`);
  });

  it('lists exactly the differences the .tbl files show', () => {
    const actual = diff.changes
      .filter((c) => tblAbis.has(c.abi))
      .map((c) => {
        const detail =
          c.kind === 'renumbered'
            ? ` ${c.old?.nr}->${c.new?.nr}`
            : c.kind === 'entry-changed'
              ? ` ${c.fields.join(',')}`
              : '';
        return `${c.kind} ${c.name} ${c.abi}${detail}`;
      });
    expect(actual.length).toBeGreaterThan(100);
    expect([...actual].sort()).toEqual([...expected].sort());
  });

  it('reads every ABI from 6.1, with or without a .tbl: none is reported in one spec only', () => {
    expect(diff.abis.onlyNew.map((p) => p.abi)).toEqual(onlyNew);
    expect(diff.abis.onlyOld.map((p) => p.abi)).toEqual(onlyOld);
    expect(onlyNew).toEqual([]);
    expect(markdown).not.toContain('## ABIs in one spec only');
  });

  it("compares arm64_compat, read from 6.1's unistd32.h, by the names both kernels define", () => {
    // Independent reading: the header's `#define __NR_<name> <nr>` lines against the .tbl rows.
    const header = readFileSync(
      join(linux61 as string, 'arch/arm64/include/asm/unistd32.h'),
      'utf8',
    );
    const before = new Map(
      [...header.matchAll(/^#define __NR_(\w+)\s+(\d+)/gm)].map((m) => [
        String(m[1]),
        Number(m[2]),
      ]),
    );
    const after = readAbi(join(referenceTbl, 'arch/arm64/tools/syscall_32.tbl'), ['common']);
    expect(after?.size).toBe(415);
    const on = (kind: string) =>
      diff.changes
        .filter((c) => c.abi === 'arm64_compat' && c.kind === kind)
        .map((c) => c.name)
        .sort();
    const names = [...(after?.keys() ?? [])];
    expect(on('added')).toEqual(names.filter((n) => !before.has(n)).sort());
    expect(on('removed')).toEqual([...before.keys()].filter((n) => !after?.has(n)).sort());
    expect(on('renumbered')).toEqual(
      names.filter((n) => before.has(n) && before.get(n) !== after?.get(n)?.nr).sort(),
    );
    // The one entry-point change is real: lookup_dcookie became sys_ni_syscall in 6.10.
    expect(on('entry-changed')).toEqual(['lookup_dcookie']);
  });

  it('compares the asm-generic ABIs, read from the 6.1 headers', () => {
    const on = (abi: string, kind: string) =>
      diff.changes.filter((c) => c.abi === abi && c.kind === kind).map((c) => c.name);
    expect(on('arm64', 'added')).toEqual(
      expect.arrayContaining(['cachestat', 'mseal', 'futex_wait']),
    );
    expect(on('arm64', 'added')).not.toContain('openat');
    expect(on('riscv64', 'added')).toEqual(expect.arrayContaining(['riscv_hwprobe', 'cachestat']));
    expect(on('riscv64', 'added')).not.toContain('riscv_flush_icache');
    for (const abi of ['arm64', 'riscv64', 'riscv32', 'loongarch64']) {
      expect(on(abi, 'removed'), abi).toEqual([]);
      expect(on(abi, 'renumbered'), abi).toEqual([]);
    }
  });

  it('finds that 6.1 lacks x86_64 syscalls 451 and up, and uretprobe', () => {
    const added = diff.changes.filter((c) => c.kind === 'added' && c.abi === 'x86_64');
    expect(added.map((c) => c.name).sort()).toEqual(x86_64Added.map((a) => a.name).sort());
    expect(added.filter((c) => (c.new?.nr ?? 0) < 451).map((c) => c.name)).toEqual(['uretprobe']);
    expect(added.every((c) => c.name === 'uretprobe' || (c.new?.nr ?? 0) >= 451)).toBe(true);
    expect(diff.syscalls.added).toEqual(
      expect.arrayContaining(['cachestat', 'mseal', 'uretprobe']),
    );
    expect(diff.syscalls.removed).toEqual([]);
  });

  it('summarises the 6.1 → 6.12 changes in Markdown', () => {
    expect(markdown).toMatch(/\| `uretprobe` \| new system call \| 335 on x86\\_64, x32 \|/);
    console.log(markdown.split('\n## ABIs')[0]);
  });
});

// `syscalltbl diff` on specs edited by hand: the fixture pair (golden Markdown and JSON, and
// every change listed exactly), and a copy of the bundled spec with known edits.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { SpecDiff } from '../../src/docs/diff-model.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';
import { expectGolden, fixtureArchDir, miniSpec } from './helpers/fixture.js';

const oldSpec = 'test/fixtures/docs/mini-old.yaml';
const changeKeys = (d: SpecDiff) =>
  d.changes.map(
    (c) => `${c.kind} ${c.name} ${c.abi}${c.fields.length ? ` ${c.fields.join(',')}` : ''}`,
  );

function diff(args: string[]) {
  const run = runCli(['diff', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('diff of the hand-edited fixture pair', () => {
  const json = JSON.parse(
    diff([oldSpec, miniSpec, '--arch-dir', fixtureArchDir, '--format', 'json']),
  ) as SpecDiff;

  it('matches its golden files', () => {
    expectGolden('mini-diff.md', diff([oldSpec, miniSpec, '--arch-dir', fixtureArchDir]));
    expectGolden(
      'mini-diff.json',
      diff([oldSpec, miniSpec, '--arch-dir', fixtureArchDir, '--format', 'json']),
    );
  });

  it('names both kernels and spec files', () => {
    expect(json.old).toEqual({ kernel: '6.1.0', spec: oldSpec });
    expect(json.new).toEqual({ kernel: '6.12.117', spec: miniSpec });
  });

  it('lists exactly the edits, per ABI', () => {
    expect(changeKeys(json)).toEqual([
      'renumbered arch_prctl x86_64',
      'entry-changed exit i386 noreturn',
      'entry-changed exit x86_64 noreturn',
      'entry-changed exit x32 noreturn',
      'removed oldcall arm_oabi',
      'removed oldcall arm_eabi',
      'removed oldcall x86_64',
      'entry-changed pread64 i386 entry',
      'added uretprobe x86_64',
      'added uretprobe x32',
    ]);
    expect(json.changes.find((c) => c.name === 'arch_prctl')).toMatchObject({
      old: { nr: 157, number: 157 },
      new: { nr: 158, number: 158 },
    });
    expect(json.changes.find((c) => c.name === 'uretprobe' && c.abi === 'x32')?.new).toMatchObject({
      nr: 335,
      number: 0x40000000 + 335,
    });
  });

  it('tells new and gone syscalls from ones wired up or dropped on some ABIs', () => {
    expect(json.syscalls).toEqual({ added: ['uretprobe'], removed: ['oldcall'] });
  });

  it('reports ABIs whose tables one spec lacks instead of diffing them', () => {
    expect(json.abis.onlyOld).toEqual([]);
    expect(json.abis.onlyNew).toEqual([
      { abi: 'mips_n32', arch: 'mips', table: 'mips/n32', syscalls: 4 },
      { abi: 'mips_n64', arch: 'mips', table: 'mips/n64', syscalls: 4 },
    ]);
    expect(json.changes.some((c) => c.abi === 'mips_n32' || c.abi === 'mips_n64')).toBe(false);
  });

  it('reports real signature changes, not spacing', () => {
    expect(json.signatures.map((s) => s.name)).toEqual(['openat']);
  });

  it('is empty between a spec and itself', () => {
    const same = JSON.parse(
      diff([miniSpec, miniSpec, '--arch-dir', fixtureArchDir, '--format', 'json']),
    ) as SpecDiff;
    expect(same.changes).toEqual([]);
    expect(same.signatures).toEqual([]);
    expect(diff([miniSpec, miniSpec, '--arch-dir', fixtureArchDir])).toContain(
      'No differences on the compared ABIs.',
    );
  });

  it('refuses a missing or invalid spec with exit 2', () => {
    const run = runCli(['diff', 'no-such-spec.yaml', miniSpec, '--arch-dir', fixtureArchDir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no-such-spec.yaml');
  });
});

describe('diff of the bundled spec against a hand-edited copy', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'syscalltbl-diff-'));
  const edited = join(tmp, 'edited.yaml');
  const bundled = join(repoRoot, 'syscalls.yaml');
  type Raw = {
    kernel: string;
    syscalls: Record<string, { tables: Record<string, Record<string, unknown>> }>;
  };
  let raw: Raw;
  let cachestatAbis: string[];

  beforeAll(() => {
    raw = parse(readFileSync(bundled, 'utf8')) as Raw;
    const copy = structuredClone(raw);
    copy.kernel = '6.11.0';
    // Edits: cachestat gone; openat at 999 on the x86-64 table; read's ARM entry renamed; and
    // no s390 table at all (its syscalls-only records go too: a record needs a table).
    delete copy.syscalls.cachestat;
    (copy.syscalls.openat as Raw['syscalls'][string]).tables['x86/64'] = { common: 999 };
    (copy.syscalls.read as Raw['syscalls'][string]).tables.arm = {
      common: { nr: 3, entry: 'sys_oldread' },
    };
    for (const [name, s] of Object.entries(copy.syscalls)) {
      delete s.tables.s390;
      if (Object.keys(s.tables).length === 0) delete copy.syscalls[name];
    }
    writeFileSync(edited, stringify(copy));
    const ref = JSON.parse(runCli(['docs', '--format', 'json']).stdout) as {
      syscalls: Array<{ name: string; abis: Record<string, unknown> }>;
    };
    cachestatAbis = Object.keys(
      ref.syscalls.find((s) => s.name === 'cachestat')?.abis ?? {},
    ).filter((a) => a !== 's390' && a !== 's390x');
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('finds exactly the edits, old to new', () => {
    const d = JSON.parse(diff([edited, bundled, '--format', 'json'])) as SpecDiff;
    expect(d.old).toEqual({ kernel: '6.11.0', spec: 'edited.yaml' });
    expect(d.new.spec).toBe('syscalls.yaml');
    expect(cachestatAbis.length).toBeGreaterThan(20);
    expect(changeKeys(d).sort()).toEqual(
      [
        ...cachestatAbis.map((a) => `added cachestat ${a}`),
        'renumbered openat x86_64',
        'renumbered openat x32',
        'entry-changed read arm_oabi entry',
        'entry-changed read arm_eabi entry',
      ].sort(),
    );
    expect(d.syscalls).toEqual({ added: ['cachestat'], removed: [] });
    expect(d.abis.onlyNew.map((p) => p.abi)).toEqual(['s390', 's390x']);
    expect(d.abis.onlyOld).toEqual([]);
  });

  it('finds the same edits reversed, new to old', () => {
    const d = JSON.parse(diff([bundled, edited, '--format', 'json'])) as SpecDiff;
    expect(d.changes.filter((c) => c.kind === 'removed').map((c) => c.abi)).toEqual(cachestatAbis);
    expect(d.syscalls).toEqual({ added: [], removed: ['cachestat'] });
    expect(d.abis.onlyOld.map((p) => p.abi)).toEqual(['s390', 's390x']);
    expect(d.changes.find((c) => c.kind === 'renumbered' && c.abi === 'x86_64')).toMatchObject({
      old: { nr: 257 },
      new: { nr: 999 },
    });
  });

  it('reports it in Markdown for people', () => {
    const md = diff([edited, bundled]);
    expect(md).toContain('# System call changes: Linux 6.11.0 → Linux 6.12.117');
    expect(md).toContain('| `openat` | 999 | 257 | x86\\_64, x32 |');
    expect(md).toContain('| `read` | `sys_oldread` | `sys_read` | arm\\_oabi, arm\\_eabi |');
  });
});

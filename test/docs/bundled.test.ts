// Sanity of the docs for the bundled spec (every format agrees with the spec), and the committed
// Markdown reference in docs/reference/ is what `docs --format md` writes today.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchSet } from '../../src/arch/model.js';
import type { Reference } from '../../src/docs/reference-model.js';
import validateDocs from '../../src/generated/validate-docs.js';
import { loadSpec } from '../../src/spec/load.js';
import type { Spec } from '../../src/spec/model.js';
import { abiRows, tableRows } from '../../src/spec/resolve.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const committed = join(repoRoot, 'docs', 'reference');
const REGENERATE = 'node dist/cli.js docs --format md --out docs/reference';
let ref: Reference;
let spec: Spec;
let arches: ArchSet;
const tmp = mkdtempSync(join(tmpdir(), 'syscalltbl-bundled-docs-'));

beforeAll(async () => {
  const run = runCli(['docs', '--format', 'json']);
  expect(run.status, run.stderr).toBe(0);
  ref = JSON.parse(run.stdout);
  ({ spec, arches } = await loadSpec({ spec: join(repoRoot, 'syscalls.yaml') }));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('docs for the bundled spec', () => {
  it('validates against its schema', () => {
    expect(validateDocs(ref), JSON.stringify(validateDocs.errors?.slice(0, 3))).toBe(true);
  });

  it('has every syscall and every ABI of the spec, with the spec\u2019s row counts', () => {
    expect(ref.kernel).toBe(spec.kernel);
    expect(ref.spec).toBe('syscalls.yaml');
    expect(ref.syscalls.map((s) => s.name).sort()).toEqual(spec.syscalls.map((s) => s.name).sort());
    expect(ref.abis).toHaveLength(32);
    const tables = tableRows(spec, arches);
    for (const abi of arches.abis.values())
      expect(ref.abis.find((a) => a.name === abi.name)?.count, abi.name).toBe(
        abiRows(tables, abi).length,
      );
  });

  it('knows the numbers everyone checks', () => {
    const s = (name: string) => ref.syscalls.find((x) => x.name === name);
    expect(s('execve')?.abis.x86_64).toMatchObject({ number: 59, hex: '0x3b' });
    expect(s('read')?.abis.x32).toMatchObject({ number: 0x40000000, display: '0x40000000 | 0' });
    expect(s('read')?.abis.mips_o32).toMatchObject({ number: 4003, display: '4000 + 3' });
    expect(s('openat')?.abis.arm64?.call.args?.map((a) => a.register)).toEqual([
      'x0',
      'x1',
      'x2',
      'x3',
    ]);
    expect(s('uretprobe')?.abis).toHaveProperty('x86_64');
  });

  it('writes a CSV of one row per syscall and one column per ABI', () => {
    const lines = runCli(['docs', '--format', 'csv']).stdout.trimEnd().split('\n');
    expect(lines[1]?.split(',')).toEqual(['syscall', ...ref.abis.map((a) => a.name)]);
    expect(lines).toHaveLength(2 + ref.syscalls.length);
    const execve = lines.find((l) => l.startsWith('execve,'))?.split(',');
    expect(execve?.[1 + ref.abis.findIndex((a) => a.name === 'x86_64')]).toBe('59');
  });

  it('writes the index and a page per architecture with ABIs', () => {
    const out = join(tmp, 'md');
    expect(runCli(['docs', '--format', 'md', '--out', out]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      ['README.md', ...ref.arches.map((a) => `${a.arch}.md`)].sort(),
    );
  });

  it(`is committed, current, in docs/reference/ (regenerate: ${REGENERATE})`, () => {
    const out = join(tmp, 'current');
    expect(runCli(['docs', '--format', 'md', '--out', out]).status).toBe(0);
    const names = readdirSync(out).sort();
    expect(readdirSync(committed).sort(), `stale: ${REGENERATE}`).toEqual(names);
    for (const name of names) {
      const same =
        readFileSync(join(out, name), 'utf8') === readFileSync(join(committed, name), 'utf8');
      expect(same, `docs/reference/${name} is stale: ${REGENERATE}`).toBe(true);
    }
  });
});

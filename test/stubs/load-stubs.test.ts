// The bundled stub declarations (data/stubs.yaml): they load, every signature fits a system
// call, and every stub is a slot no kernel table implements (the reference tables of 6.12).
// Bad declarations are reported at their line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/common/diagnostics.js';
import { loadStubDeclarations } from '../../src/stubs/load-stubs.js';
import { referenceTbl } from '../helpers/reference.js';
import { repoRoot } from '../helpers/run-cli.js';

const fixtures = join(repoRoot, 'test', 'stubs', 'fixtures');

function tblFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tblFiles(path);
    return name.endsWith('.tbl') ? [path] : [];
  });
}

/** Entry points named for `name` on every row of every reference table (`<nr> <abi> <name> ...`). */
function entriesOf(name: string): { rows: number; entries: string[] } {
  let rows = 0;
  const entries: string[] = [];
  for (const file of tblFiles(referenceTbl)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const cols = line.split(/\s+/);
      if (!/^\d/.test(line) || cols[2] !== name) continue;
      rows++;
      entries.push(...cols.slice(3).filter((c) => c !== '' && c !== '-'));
    }
  }
  return { rows, entries };
}

function diagnosticsOf(path: string) {
  try {
    loadStubDeclarations(path, path);
  } catch (error) {
    if (error instanceof UserError) return error.diagnostics;
    throw error;
  }
  return [];
}

describe('data/stubs.yaml', () => {
  const stubs = loadStubDeclarations();

  it('declares the reserved slots modules provided', () => {
    expect(stubs.map((s) => s.name).sort()).toEqual([
      'afs_syscall',
      'getpmsg',
      'nfsservctl',
      'putpmsg',
      'security',
      'tuxcall',
      'vserver',
    ]);
  });

  it('gives each a reason and a named signature of at most 6 parameters', () => {
    for (const s of stubs) {
      expect(s.reason, s.name).toMatch(/\S/);
      expect(s.params.length, s.name).toBeLessThanOrEqual(6);
      for (const p of s.params)
        expect(p.name, `${s.name}: ${p.decl}`).toMatch(/^[a-z_][a-z0-9_]*$/);
    }
  });

  it.each(['afs_syscall', 'getpmsg', 'nfsservctl', 'putpmsg', 'security', 'tuxcall', 'vserver'])(
    '%s has a slot in the reference tables and no implementation on any of them',
    (name) => {
      const { rows, entries } = entriesOf(name);
      expect(rows).toBeGreaterThan(0);
      // sparc names sys_nis_syscall: "not implemented", logged.
      expect(entries.filter((e) => e !== 'sys_ni_syscall' && e !== 'sys_nis_syscall')).toEqual([]);
    },
  );

  it('cites a source for every signature', () => {
    const text = readFileSync(join(repoRoot, 'data', 'stubs.yaml'), 'utf8');
    for (const s of stubs) {
      const block = text.slice(text.indexOf(`\n${s.name}:\n`) + 1).split(/\n(?=\S)/)[0] ?? '';
      expect(block, s.name).toMatch(/\n {2}#/);
    }
  });
});

describe('loadStubDeclarations', () => {
  it('reports a signature a compat entry cannot take at the parameter', () => {
    const diagnostics = diagnosticsOf(join(fixtures, 'bad-stubs.yaml'));
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toEqual([['stub-compat-param', 8]]);
    expect(diagnostics[0]?.message).toContain('loff_t');
  });

  it('reports an unknown key through the schema, at the key', () => {
    const diagnostics = diagnosticsOf(join(fixtures, 'unknown-key.yaml'));
    expect(diagnostics.map((d) => [d.code, d.position?.line])).toContainEqual([
      'schema-additionalproperties',
      4,
    ]);
  });
});

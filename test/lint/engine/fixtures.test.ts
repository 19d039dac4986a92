// Every technique fixture is flagged exactly where its `/* expect: rule ... */` comments say, and
// the clean fixtures (traps, sanctioned hooking) yield nothing. real-shapes/ (modules in the
// shapes public rootkits, hookers and clean modules have) is linted in one run, clean and
// techniques together, as a corpus of unrelated modules would be. Broken by inserted brackets,
// quotes, comments and directives, no fixture makes the analysis or the gate throw.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGate } from '../../../src/lint/engine/gate.js';
import { lintPaths } from '../../../src/lint/engine/lint-paths.js';
import { lintSource } from '../../../src/lint/engine/lint-source.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';
import { scanSource } from '../../../src/lint/scan/index.js';
import { fixtureSources, insertions } from '../helpers.js';

const base = join(import.meta.dirname, '..', '..', 'fixtures', 'lint');

function files(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

function expected(dir: string): string[] {
  const out: string[] = [];
  for (const f of files(dir)) {
    readFileSync(f, 'latin1')
      .split('\n')
      .forEach((l, i) => {
        const m = /expect: ([a-z\- ]+?) \*\//.exec(l);
        if (m)
          for (const id of (m[1] as string).trim().split(/\s+/))
            out.push(`${relative(dir, f)}:${i + 1} ${id}`);
      });
  }
  return out.sort();
}

async function found(dir: string): Promise<string[]> {
  const r = await lintPaths([dir], {
    tableNames: [...DEFAULT_TABLE_NAMES],
    ruleLevelsFor: () => ({}),
    jobs: 1,
  });
  return [
    ...new Set(
      r.findings.map((f) => `${relative(dir, join(r.root, f.file))}:${f.line} ${f.ruleId}`),
    ),
  ].sort();
}

describe('fixtures', () => {
  // cross-file-lookups/ alone: a module whose only link between files is its own lookup helpers;
  // cross-file-wrapper/ the same, its helpers in a file the gate leaves out of the first pass.
  it.each([
    'techniques',
    'cross-file',
    'cross-file-lookups',
    'cross-file-wrapper',
    'cross-file-entry',
    'real-shapes',
  ])('flags every technique in %s at the expected lines, and nothing else', async (d) => {
    const dir = join(base, d);
    expect(await found(dir)).toEqual(expected(dir));
  });
  it('finds nothing in the clean fixtures', async () => {
    expect(await found(join(base, 'clean'))).toEqual([]);
  });
  it('real-shapes/clean has no expectations (its modules must stay silent)', () => {
    expect(expected(join(base, 'real-shapes', 'clean'))).toEqual([]);
  });
  it('analyses and gates every fixture broken by inserted structure without throwing', () => {
    const gate = createGate([...DEFAULT_TABLE_NAMES]);
    const tableNames = new Set(DEFAULT_TABLE_NAMES);
    let analysed = 0;
    for (const f of fixtureSources())
      for (const text of insertions(readFileSync(f, 'latin1'), 12)) {
        const run = (): void => {
          lintSource(text, 'x.c', { tableNames, levels: {} });
          gate.needsAnalysis(Buffer.from(text, 'latin1'), () => scanSource(text));
        };
        expect(run).not.toThrow();
        analysed++;
      }
    expect(analysed).toBeGreaterThan(500);
  });
});

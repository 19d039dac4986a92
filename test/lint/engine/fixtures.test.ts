// Every technique fixture is flagged exactly where its `/* expect: rule ... */` comments say, and
// the clean fixtures (traps, sanctioned hooking) yield nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from '../../../src/lint/engine/lint-paths.js';
import { DEFAULT_TABLE_NAMES } from '../../../src/lint/engine/table-names.js';

const base = join(import.meta.dirname, '..', '..', 'fixtures', 'lint');

function expected(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).sort()) {
    readFileSync(join(dir, f), 'latin1')
      .split('\n')
      .forEach((l, i) => {
        const m = /expect: ([a-z\- ]+?) \*\//.exec(l);
        if (m)
          for (const id of (m[1] as string).trim().split(/\s+/)) out.push(`${f}:${i + 1} ${id}`);
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
    ...new Set(r.findings.map((f) => `${f.file.split('/').pop()}:${f.line} ${f.ruleId}`)),
  ].sort();
}

describe('fixtures', () => {
  it.each(['techniques', 'cross-file'])(
    'flags every technique in %s at the expected lines',
    async (d) => {
      const dir = join(base, d);
      expect(await found(dir)).toEqual(expected(dir));
    },
  );
  it('finds nothing in the clean fixtures', async () => {
    expect(await found(join(base, 'clean'))).toEqual([]);
  });
});

// The import reproduces every .tbl row of every table and ABI, and the committed syscalls.yaml is
// exactly what `syscalltbl import` writes from the reference.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadArchSet } from '../../src/arch/load.js';
import type { ArchSet } from '../../src/arch/model.js';
import { parseTbl, type TblRow } from '../../src/import/parse-tbl.js';
import { loadSpec } from '../../src/spec/load.js';
import type { Spec, TableRow } from '../../src/spec/model.js';
import { abiRows, selectRows, tableRows } from '../../src/spec/resolve.js';
import { referenceTbl } from '../helpers/reference.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const rowKey = (r: Pick<TableRow, 'nr' | 'tag' | 'name' | 'entry' | 'compat' | 'noreturn'>) =>
  [r.nr, r.tag, r.name, r.entry ?? '-', r.compat ?? '-', r.noreturn ? 'noreturn' : ''].join(' ');

describe('import of the reference tables', () => {
  let spec: Spec;
  let arches: ArchSet;
  let reference: Map<string, TblRow[]>;
  let rows: Map<string, TableRow[]>;

  beforeAll(async () => {
    ({ spec, arches } = await loadSpec({ spec: join(repoRoot, 'syscalls.yaml'), cache: false }));
    arches = loadArchSet();
    rows = tableRows(spec, arches);
    reference = new Map(
      [...arches.tables.values()].map((t) => {
        const parsed = parseTbl(readFileSync(join(referenceTbl, t.path), 'utf8'), t.path);
        expect(parsed.diagnostics).toEqual([]);
        return [t.id, parsed.rows];
      }),
    );
  });

  it('covers every table of the reference', () => {
    expect([...rows.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it('reproduces every row of every table, in file order', () => {
    for (const [id, refRows] of reference) {
      const table = arches.tables.get(id);
      const mine = (rows.get(id) ?? []).map(rowKey);
      const theirs = refRows.map(rowKey);
      if (table?.sortsItself) expect(mine.sort(), id).toEqual([...theirs].sort());
      else {
        // Same rows; and each ABI's selection in the same order (what the scripts read).
        expect([...mine].sort(), id).toEqual([...theirs].sort());
        for (const abi of [...arches.abis.values()].filter((a) => a.table === id)) {
          expect(
            selectRows(rows.get(id), abi.tags).map(rowKey),
            `${abi.name} rows in file order`,
          ).toEqual(refRows.filter((r) => abi.tags.some((t) => r.tag.startsWith(t))).map(rowKey));
        }
      }
    }
  });

  it('states the row counts per ABI', () => {
    const counts = Object.fromEntries(
      [...arches.abis.values()].map((abi) => [abi.name, abiRows(rows, abi).length]),
    );
    // From NOTES.md: x86_64 375 (common + 64), i386 452, x32 364, arm EABI 415, OABI 427,
    // ppc32 443, ppc64 415, s390 433 (common + 32), s390x 381.
    expect(counts).toMatchObject({
      x86_64: 375,
      i386: 452,
      x32: 364,
      arm_eabi: 415,
      arm_oabi: 427,
      arm64_compat: 415,
      ppc32: 443,
      ppc64: 415,
      s390: 433,
      s390x: 381,
    });
    console.log(`rows per ABI: ${JSON.stringify(counts)}`);
  });
});

const manPage = '/usr/share/man/man2/syscalls.2.gz';

describe('the committed spec', () => {
  it.skipIf(!existsSync(manPage))(
    'is byte for byte what `syscalltbl import` writes from the reference (needs manpages-dev for syscalls(2))',
    () => {
      const run = runCli(['import', '--kernel', referenceTbl]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout === readFileSync(join(repoRoot, 'syscalls.yaml'), 'utf8')).toBe(true);
    },
  );
});

// Checks over the rows each ABI reads: one number per syscall and one syscall per number, and
// numbers within the ABI's range (tables are dense arrays: a stray 4000000 is a 4M-entry table).
import type { TableRow } from '../model.js';
import { rowPath } from '../raw.js';
import { abiRows } from '../resolve.js';
import type { CheckContext, SpecCheck, SpecProblem } from './check.js';

function groupBy<K>(rows: TableRow[], key: (r: TableRow) => K): Map<K, TableRow[]> {
  const groups = new Map<K, TableRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return groups;
}

function forEachAbi(
  ctx: CheckContext,
  visit: (abiName: string, rows: TableRow[]) => SpecProblem[],
): SpecProblem[] {
  const seen = new Set<string>();
  const problems: SpecProblem[] = [];
  for (const abi of ctx.arches.abis.values()) {
    for (const p of visit(abi.name, abiRows(ctx.tables, abi))) {
      const key = `${p.path.join('\u0000')}|${p.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

/**
 * Rows of one ABI that share a key: every row after the first is a problem, reported at its key
 * with a message that names the first.
 */
function repeats(
  ctx: CheckContext,
  code: string,
  key: (r: TableRow) => string | number,
  describe: (abi: string, first: TableRow, r: TableRow) => { message: string; hint: string },
): SpecProblem[] {
  return forEachAbi(ctx, (abi, rows) =>
    [...groupBy(rows, key).values()].flatMap(([first, ...rest]) =>
      first
        ? rest.map((r) => ({
            code,
            severity: 'error' as const,
            ...describe(abi, first, r),
            path: [...rowPath(r.name, r.table, r.tag)],
            at: 'key' as const,
          }))
        : [],
    ),
  );
}

export const duplicateNumber: SpecCheck = {
  id: 'duplicate-number',
  description: 'Two syscalls share one number on an ABI.',
  run: (ctx) =>
    repeats(
      ctx,
      'duplicate-number',
      (r) => r.nr,
      (abi, first, r) => ({
        message: `${r.name} and ${first.name} both have number ${r.nr} on ${abi} (tags ${first.tag}, ${r.tag} of ${r.table})`,
        hint: 'give one of them a free number, or move it to a tag this ABI does not read',
      }),
    ),
};

export const duplicateName: SpecCheck = {
  id: 'duplicate-name',
  description:
    'A syscall appears twice on one ABI (two tags of its table that the ABI both reads).',
  run: (ctx) =>
    repeats(
      ctx,
      'duplicate-name',
      (r) => r.name,
      (abi, first, r) => ({
        message: `${r.name} appears twice on ${abi}: as ${first.nr} (tag ${first.tag}) and ${r.nr} (tag ${r.tag})`,
        hint: `keep one row; ${abi} reads both tags of ${r.table}`,
      }),
    ),
};

export const numberRange: SpecCheck = {
  id: 'number-out-of-range',
  description: 'A number is larger than its ABI allows.',
  run(ctx) {
    return forEachAbi(ctx, (abiName, rows) => {
      const abi = ctx.arches.abis.get(abiName);
      if (!abi) return [];
      return rows
        .filter((r) => r.nr > abi.maxNr)
        .map((r) => ({
          code: 'number-out-of-range',
          severity: 'error' as const,
          message: `${r.name} has number ${r.nr} on ${abiName}, whose numbers run from 0 to ${abi.maxNr}`,
          hint: `use a number at most ${abi.maxNr} (the ABI's maxNr in ${abi.arch}'s descriptor)`,
          path: [...rowPath(r.name, r.table, r.tag)],
        }));
    });
  },
};

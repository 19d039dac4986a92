// Compares two loaded specs ABI by ABI. Pure. An ABI whose table one spec lacks altogether (an
// import from a kernel without that .tbl) is reported as present in one spec only, never as
// hundreds of additions or removals.
import type { AbiDescriptor, ArchSet } from '../arch/model.js';
import type { Spec, Syscall } from '../spec/model.js';
import { abiRows, rowOnAbi, tableRows } from '../spec/resolve.js';
import { signatureOf } from './build-reference.js';
import type {
  AbiPresence,
  DiffChange,
  DiffKind,
  DiffRow,
  DiffSide,
  SpecDiff,
} from './diff-model.js';
import { applyOffset, describeOffset } from './number-format.js';

export interface DiffInput {
  side: DiffSide;
  spec: Spec;
}

const KIND_ORDER: DiffKind[] = ['removed', 'added', 'renumbered', 'entry-changed'];

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rowOf(syscall: Syscall, abi: AbiDescriptor): DiffRow | undefined {
  const row = rowOnAbi(syscall, abi);
  if (!row) return undefined;
  return {
    nr: row.nr,
    number: applyOffset(row.nr, describeOffset(abi)),
    entry: row.entry,
    compat: row.compat,
    noreturn: row.noreturn,
  };
}

function presence(spec: Spec, arches: ArchSet, abis: AbiDescriptor[]): Map<string, number> {
  const tables = tableRows(spec, arches);
  const counts = new Map<string, number>();
  for (const abi of abis) {
    const n = abiRows(tables, abi).length;
    if (n > 0) counts.set(abi.name, n);
  }
  return counts;
}

function compareAbi(abi: AbiDescriptor, oldSpec: Spec, newSpec: Spec): DiffChange[] {
  const rows = (spec: Spec) => {
    const map = new Map<string, DiffRow>();
    for (const s of spec.syscalls) {
      const row = rowOf(s, abi);
      if (row) map.set(s.name, row);
    }
    return map;
  };
  const before = rows(oldSpec);
  const after = rows(newSpec);
  const changes: DiffChange[] = [];
  const base = { abi: abi.name, fields: [] as DiffChange['fields'] };
  for (const [name, old] of before) {
    const now = after.get(name);
    if (!now) {
      changes.push({ ...base, kind: 'removed', name, old, new: null });
      continue;
    }
    if (old.nr !== now.nr) changes.push({ ...base, kind: 'renumbered', name, old, new: now });
    const fields = (['entry', 'compat', 'noreturn'] as const).filter((f) => old[f] !== now[f]);
    if (fields.length > 0)
      changes.push({ ...base, kind: 'entry-changed', name, old, new: now, fields: [...fields] });
  }
  for (const [name, now] of after) {
    if (!before.has(name)) changes.push({ ...base, kind: 'added', name, old: null, new: now });
  }
  return changes;
}

function presenceList(
  only: string[],
  counts: Map<string, number>,
  byName: Map<string, AbiDescriptor>,
): AbiPresence[] {
  return only.map((name) => {
    const abi = byName.get(name) as AbiDescriptor;
    return { abi: name, arch: abi.arch, table: abi.table, syscalls: counts.get(name) ?? 0 };
  });
}

/** syscalls.h spells `char __user * buf` and `char __user *buf` both: not a change. */
function sameSignature(a: string | null, b: string | null): boolean {
  const canonical = (sig: string | null) => sig?.replace(/\s*\*\s*/g, ' *') ?? null;
  return canonical(a) === canonical(b);
}

/** Both specs must have been loaded against the same architecture descriptors. */
export function diffSpecs(old: DiffInput, now: DiffInput, arches: ArchSet): SpecDiff {
  const abis = arches.arches.flatMap((a) => a.abis);
  const byName = new Map(abis.map((a) => [a.name, a]));
  const abiRank = new Map(abis.map((a, i) => [a.name, i]));
  const inOld = presence(old.spec, arches, abis);
  const inNew = presence(now.spec, arches, abis);
  const compared = abis.filter((a) => inOld.has(a.name) && inNew.has(a.name));
  const changes = compared
    .flatMap((abi) => compareAbi(abi, old.spec, now.spec))
    .sort(
      (a, b) =>
        byCodePoint(a.name, b.name) ||
        (abiRank.get(a.abi) ?? 0) - (abiRank.get(b.abi) ?? 0) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
    );
  const oldNames = new Map(old.spec.syscalls.map((s) => [s.name, s]));
  const newNames = new Map(now.spec.syscalls.map((s) => [s.name, s]));
  const namesOf = (kind: DiffKind, absentFrom: Map<string, Syscall>) => [
    ...new Set(
      changes.filter((c) => c.kind === kind && !absentFrom.has(c.name)).map((c) => c.name),
    ),
  ];
  const signatures = [...oldNames.values()]
    .flatMap((s) => {
      const other = newNames.get(s.name);
      if (!other) return [];
      const before = signatureOf(s);
      const after = signatureOf(other);
      return sameSignature(before, after) ? [] : [{ name: s.name, old: before, new: after }];
    })
    .sort((a, b) => byCodePoint(a.name, b.name));
  return {
    old: old.side,
    new: now.side,
    abis: {
      compared: compared.map((a) => a.name),
      onlyOld: presenceList(
        abis.map((a) => a.name).filter((n) => inOld.has(n) && !inNew.has(n)),
        inOld,
        byName,
      ),
      onlyNew: presenceList(
        abis.map((a) => a.name).filter((n) => inNew.has(n) && !inOld.has(n)),
        inNew,
        byName,
      ),
    },
    syscalls: { added: namesOf('added', oldNames), removed: namesOf('removed', newNames) },
    changes,
    signatures,
  };
}

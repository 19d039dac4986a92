// Spec + architecture descriptors → the resolved reference (reference-model.ts). Pure: no I/O,
// no formatting beyond the numbers; every renderer reads its result.
import type { AbiDescriptor, ArchSet } from '../arch/model.js';
import { isImplemented, type Spec, type Syscall } from '../spec/model.js';
import { rowOnAbi } from '../spec/resolve.js';
import { assignRegisters } from './call-args.js';
import { applyOffset, describeOffset, displayNumber, hex } from './number-format.js';
import type {
  RefAbi,
  RefArch,
  RefCell,
  Reference,
  RefStatus,
  RefSyscall,
} from './reference-model.js';

export interface ReferenceOptions {
  /** How outputs name the spec (see specDisplayName). */
  specName: string;
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function refAbi(abi: AbiDescriptor, count: number): RefAbi {
  const c = abi.calling;
  return {
    name: abi.name,
    arch: abi.arch,
    title: abi.title,
    table: abi.table,
    tags: [...abi.tags],
    bits: abi.bits,
    manName: abi.manName,
    offset: describeOffset(abi),
    calling: {
      instruction: c.instruction,
      numberRegister: c.numberRegister,
      argRegisters: [...c.argRegisters],
      returnRegister: c.returnRegister,
      return2Register: c.return2Register,
      errorRegister: c.errorRegister,
      notes: c.notes ?? null,
    },
    count,
  };
}

function refCell(
  syscall: Syscall,
  abi: AbiDescriptor,
  ref: RefAbi,
  arches: ArchSet,
): RefCell | undefined {
  const row = rowOnAbi(syscall, abi);
  if (!row) return undefined;
  const number = applyOffset(row.nr, ref.offset);
  const args = syscall.params
    ? assignRegisters(syscall.params, abi.calling.argRegisters, abi.bits)
    : null;
  const status: RefStatus = isImplemented(row, arches.tables.get(row.table))
    ? 'implemented'
    : syscall.stub
      ? 'stub'
      : 'not-implemented';
  return {
    nr: row.nr,
    number,
    hex: hex(number),
    display: displayNumber(row.nr, ref.offset),
    entry: row.entry,
    compat: row.compat,
    noreturn: row.noreturn,
    status,
    call: {
      instruction: abi.calling.instruction,
      numberRegister: abi.calling.numberRegister,
      args,
      returnRegister: abi.calling.returnRegister,
      exact: !(args ?? []).some((a) => a.wide),
    },
  };
}

export function signatureOf(syscall: Pick<Syscall, 'name' | 'params'>): string | null {
  if (!syscall.params) return null;
  const list = syscall.params.map((p) => p.decl).join(', ');
  return `long sys_${syscall.name}(${list || 'void'})`;
}

export function buildReference(spec: Spec, arches: ArchSet, options: ReferenceOptions): Reference {
  const descriptors = arches.arches.flatMap((a) => a.abis);
  const counts = new Map<string, number>();
  const refAbis = new Map(descriptors.map((d) => [d.name, refAbi(d, 0)]));
  const syscalls: RefSyscall[] = [...spec.syscalls]
    .sort((a, b) => byCodePoint(a.name, b.name))
    .map((s) => {
      const abis: Record<string, RefCell> = {};
      for (const d of descriptors) {
        const cell = refCell(s, d, refAbis.get(d.name) as RefAbi, arches);
        if (!cell) continue;
        abis[d.name] = cell;
        counts.set(d.name, (counts.get(d.name) ?? 0) + 1);
      }
      return {
        name: s.name,
        since: s.since ?? null,
        man: s.man ?? null,
        params: s.params ? s.params.map((p) => ({ ...p })) : null,
        signature: signatureOf(s),
        reserved: s.reserved,
        stub: s.stub ? { reason: s.stub.reason ?? null, compat: s.stub.compat ?? false } : null,
        abis,
      };
    });
  const abis = descriptors.map((d) => ({
    ...(refAbis.get(d.name) as RefAbi),
    count: counts.get(d.name) ?? 0,
  }));
  const archList: RefArch[] = arches.arches
    .filter((a) => a.abis.length > 0)
    .map((a) => ({ arch: a.arch, title: a.title, abis: a.abis.map((b) => b.name) }));
  return {
    kernel: spec.kernel,
    spec: options.specName,
    source: spec.source ?? null,
    abis,
    arches: archList,
    syscalls,
  };
}

// The spec as plain data, after loading and validation. Emitters, docs and the linter see only
// this model, never YAML nodes.
import type { TableDescriptor } from '../arch/model.js';

/** One row of a kernel `.tbl` file, as the spec records it. */
export interface TableRow {
  /** Table id from an arch descriptor, e.g. `x86/64`, `powerpc`, `generic`. */
  table: string;
  /** The `.tbl` ABI column: `common`, `64`, `x32`, `nospu`, `oabi`, `time32`, ... */
  tag: string;
  nr: number;
  /** The syscall name (the record this row belongs to). */
  name: string;
  /** Native entry point; null when the row has none (column absent, or `-`). */
  entry: string | null;
  /** Compat entry point; null when the row has none. */
  compat: string | null;
  noreturn: boolean;
}

/** One parameter of a syscall's C signature. */
export interface Param {
  /** The C declaration as written, e.g. `char __user *buf`. */
  decl: string;
  /** The type part, e.g. `char __user *`. */
  type: string;
  /** The parameter name; empty when the kernel's declaration names none. */
  name: string;
}

export interface StubDecl {
  /** Why the slot exists, e.g. "STREAMS (LiS)". */
  reason?: string;
  /** 32-bit callers on a 64-bit kernel need a compat entry point (COMPAT_SYSCALL_DEFINEn). */
  compat?: boolean;
}

export interface Syscall {
  name: string;
  /** Parameters from include/linux/syscalls.h (or the stub declaration); undefined if unknown. */
  params?: Param[];
  /** No ABI implements it: every row has no entry or `sys_ni_syscall`. */
  reserved: boolean;
  /** Declared a module stub: generated stub entry points replace `sys_ni_syscall`. */
  stub?: StubDecl;
  /** Kernel version the call first appeared in, from syscalls(2). */
  since?: string;
  /** The man page documenting it, e.g. `openat(2)`. */
  man?: string;
  /** Rows in table order (as the descriptors list tables), then by number. */
  rows: TableRow[];
}

export interface Spec {
  /** Kernel version the spec describes, e.g. `6.12.117`. */
  kernel: string;
  /** Where the data came from, free text. */
  source?: string;
  /** Syscalls in spec order. */
  syscalls: Syscall[];
}

export const NI_SYSCALL = 'sys_ni_syscall';

/** The entry point a row names when it names none explicitly in the spec. */
export function defaultEntry(name: string): string {
  return `sys_${name}`;
}

/** An entry point that means "not implemented": none, sys_ni_syscall, or one the table names. */
export function isPlaceholder(
  entry: string | null,
  table?: Pick<TableDescriptor, 'placeholderEntries'>,
): boolean {
  return (
    entry === null || entry === NI_SYSCALL || (table?.placeholderEntries.includes(entry) ?? false)
  );
}

/** True when the row names a real entry point, native or compat. */
export function isImplemented(
  row: Pick<TableRow, 'entry' | 'compat'>,
  table?: Pick<TableDescriptor, 'placeholderEntries'>,
): boolean {
  return !isPlaceholder(row.entry, table) || !isPlaceholder(row.compat, table);
}

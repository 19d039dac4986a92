// What `syscalltbl diff` reports, as plain data: the changes between two specs, per ABI. The JSON
// output is this model; the Markdown report is rendered from it.

export interface DiffSide {
  kernel: string;
  /** The spec, named as in the docs (relative path as given, or basename). */
  spec: string;
}

/** One syscall's row on one ABI. */
export interface DiffRow {
  /** The `.tbl` number. */
  nr: number;
  /** With the ABI's offset applied. */
  number: number;
  entry: string | null;
  compat: string | null;
  noreturn: boolean;
}

export type DiffKind = 'added' | 'removed' | 'renumbered' | 'entry-changed';

export interface DiffChange {
  kind: DiffKind;
  name: string;
  abi: string;
  /** Null for `added`. */
  old: DiffRow | null;
  /** Null for `removed`. */
  new: DiffRow | null;
  /** For `entry-changed`: which of entry, compat, noreturn differ. */
  fields: Array<'entry' | 'compat' | 'noreturn'>;
}

/** An ABI one spec has rows for and the other has none (its table was not imported). */
export interface AbiPresence {
  abi: string;
  arch: string;
  table: string;
  /** Syscalls with a number on it, in the spec that has it. */
  syscalls: number;
}

export interface SignatureChange {
  name: string;
  old: string | null;
  new: string | null;
}

export interface SpecDiff {
  old: DiffSide;
  new: DiffSide;
  abis: {
    /** ABIs with rows in both specs: only these are compared syscall by syscall. */
    compared: string[];
    onlyOld: AbiPresence[];
    onlyNew: AbiPresence[];
  };
  syscalls: {
    /** Added on some compared ABI and absent from the old spec altogether. */
    added: string[];
    /** Removed from some compared ABI and absent from the new spec altogether. */
    removed: string[];
  };
  /** Sorted by syscall name, then ABI (descriptor order), then kind. */
  changes: DiffChange[];
  /** Syscalls in both specs whose C signature differs. */
  signatures: SignatureChange[];
}

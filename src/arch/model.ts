// Architecture descriptors as plain data: what an architecture's tables look like, which ABIs
// read which rows, how each ABI is called, and which files its build generates from them.

export interface TableDescriptor {
  /** Table id, unique across all descriptors, e.g. `x86/64`. */
  id: string;
  arch: string;
  /** Path of the `.tbl` file in a kernel tree. */
  path: string;
  /** Whether the fifth (compat) column means anything for this table. */
  compat: boolean;
  /** Tags in the order rows sharing one number are written. Other tags sort after these. */
  tags: string[];
  /** What an unstated compat entry means: none, or the same as the native entry (s390). */
  compatDefault: 'none' | 'entry';
  /**
   * What the compat column holds: `compat`, the entry for 32-bit tasks on a 64-bit kernel; or
   * `oabi`, ARM's OABI entry on a 32-bit kernel (no CONFIG_COMPAT there, so no compat_sys_*).
   */
  compatRole: 'compat' | 'oabi';
  /** Entry points besides sys_ni_syscall that mean "not implemented" (sparc's sys_nis_syscall). */
  placeholderEntries: string[];
  /** Every row carries all columns, absent ones written as `-` (s390). */
  fullColumns: boolean;
  /** The tables' own generator sorts rows itself (s390), so file order is free. */
  sortsItself: boolean;
  /**
   * Where trees older than the `.tbl` keep the same rows (import only): headers read in order,
   * e.g. asm-generic/unistd.h, then each architecture's own rows with the table's tag for them.
   */
  legacySources: Array<{
    path: string;
    format: string;
    tag?: string;
    nativeEntriesFrom?: { table: string; tags: string[] };
  }>;
  /** The comment the written `.tbl` opens with (stating its format). */
  header: string;
}

export interface CallingConvention {
  /** Trap instruction, e.g. `syscall`, `int $0x80`, `svc #0`. */
  instruction: string;
  /** Register carrying the syscall number; null when encoded in the instruction (ARM OABI). */
  numberRegister: string | null;
  /** Argument registers in order; `stack` marks arguments passed in memory (MIPS o32 5-8). */
  argRegisters: string[];
  returnRegister: string;
  return2Register: string | null;
  errorRegister: string | null;
  notes?: string;
}

export interface NumberOffset {
  /** The C symbol the kernel adds, e.g. `__X32_SYSCALL_BIT`. */
  symbol: string;
  value: number;
}

export interface AbiDescriptor {
  /** ABI name, unique across descriptors, e.g. `x86_64`, `arm_eabi`, `mips_n32`. */
  name: string;
  arch: string;
  /** One-line description. */
  title: string;
  table: string;
  /** Tags of the table's rows that belong to this ABI (matched as the kernel's scripts do). */
  tags: string[];
  /** Word size: 32 or 64. */
  bits: 32 | 64;
  /** Largest number a row may carry on this ABI. */
  maxNr: number;
  offset: NumberOffset | null;
  calling: CallingConvention;
  /** The ABI name `syscall(2)` uses in its tables. */
  manName: string;
}

export interface OutputDescriptor {
  /** Template name (file `templates/<template>.hbs`). */
  template: string;
  /** Path below `arch/<arch>/include/generated/` (or below `arch/<arch>/` when `root`). */
  path: string;
  table: string;
  /** Tag selection as the kernel Makefile passes it (`--abis`); absent: every row. */
  tags?: string[];
  /** Free parameters the layout and template read: prefix, offset, emitNr, ... */
  params: Record<string, string | number | boolean>;
  /** How rows become the template's view (see src/emit/layouts/). */
  layout: string;
  /** `generated`: below `arch/<arch>/include/generated/`; `root`: below the output root. */
  base: 'generated' | 'root';
}

export interface ArchDescriptor {
  arch: string;
  title: string;
  /** Descriptor file, for diagnostics. */
  file: string;
  tables: TableDescriptor[];
  abis: AbiDescriptor[];
  outputs: OutputDescriptor[];
  /** Kernel symbols that hold this architecture's syscall tables (for the linter). */
  tableSymbols: string[];
}

export interface ArchSet {
  arches: ArchDescriptor[];
  tables: Map<string, TableDescriptor>;
  abis: Map<string, AbiDescriptor>;
}

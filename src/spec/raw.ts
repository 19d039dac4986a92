// The spec as its YAML states it (after the schema check), before defaults are applied.

export interface RawRowDetail {
  nr: number;
  entry?: string | null;
  compat?: string | null;
  noreturn?: boolean;
}

export type RawRow = number | RawRowDetail;

export interface RawSyscall {
  params?: string[];
  reserved?: true;
  stub?: { reason?: string; compat?: boolean };
  since?: string;
  man?: string;
  /** table id → ABI tag → row */
  tables: Record<string, Record<string, RawRow>>;
}

export interface RawSpec {
  kernel: string;
  source?: string;
  syscalls: Record<string, RawSyscall>;
}

/** Where a row lives in the YAML, for diagnostics. */
export function rowPath(name: string, table: string, tag: string): string[] {
  return ['syscalls', name, 'tables', table, tag];
}

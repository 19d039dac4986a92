// `generate --stubs`: a pure spec -> spec transform, applied before layout. Each module-stub
// syscall's placeholder rows (no entry point, sys_ni_syscall, or one of the table's own
// placeholders such as sparc's sys_nis_syscall) are pointed at the generated stub entry points.
import type { ArchSet } from '../arch/model.js';
import { isPlaceholder, type Spec, type Syscall, type TableRow } from '../spec/model.js';
import { stubCompatEntry, stubEntry } from '../stubs/paths.js';

function stubRow(row: TableRow, syscall: Syscall, arches: ArchSet): TableRow {
  const table = arches.tables.get(row.table);
  if (!syscall.stub || !isPlaceholder(row.entry, table)) return row;
  const entry = stubEntry(syscall.name);
  // A table with a compat column gets the stub's compat entry when the stub declares one;
  // otherwise the column means what it means for the table (s390: the native entry again).
  // ARM's fifth column is the OABI entry on a 32-bit kernel, which has no compat_sys_* at all.
  const compat =
    table?.compat && table.compatRole !== 'oabi' && syscall.stub.compat
      ? stubCompatEntry(syscall.name)
      : table?.compatDefault === 'entry'
        ? entry
        : null;
  return { ...row, entry, compat };
}

/** The spec with every stub's placeholder rows pointing at its stub entry points. */
export function applyStubs(spec: Spec, arches: ArchSet): Spec {
  return {
    ...spec,
    syscalls: spec.syscalls.map((s) => {
      if (!s.stub) return s;
      const rows = s.rows.map((r) => stubRow(r, s, arches));
      return { ...s, rows, reserved: false };
    }),
  };
}

// Checks on single rows: compat entries only where the table has a compat column, and
// `noreturn` only with an entry point (the kernel would emit `__SYSCALL_NORETURN(nr, )`).
import { rowPath } from '../raw.js';
import type { SpecCheck, SpecProblem } from './check.js';

export const compatSupported: SpecCheck = {
  id: 'compat-not-supported',
  description: 'A compat entry point on a table whose ABIs have no compat mode.',
  run({ spec, arches }) {
    const problems: SpecProblem[] = [];
    for (const s of spec.syscalls) {
      for (const r of s.rows) {
        const table = arches.tables.get(r.table);
        if (table && !table.compat && r.compat !== null) {
          problems.push({
            code: 'compat-not-supported',
            severity: 'error',
            message: `${s.name}: compat entry "${r.compat}" on table ${r.table}, which has no compat column`,
            hint: `remove it; the kernel's ${r.table} dispatch has no __SYSCALL_WITH_COMPAT`,
            path: [...rowPath(s.name, r.table, r.tag), 'compat'],
          });
        }
      }
    }
    return problems;
  },
};

export const noreturnEntry: SpecCheck = {
  id: 'noreturn-without-entry',
  description: 'A row is marked noreturn but has no entry point.',
  run({ spec }) {
    return spec.syscalls.flatMap((s) =>
      s.rows
        .filter((r) => r.noreturn && r.entry === null)
        .map((r) => ({
          code: 'noreturn-without-entry',
          severity: 'error' as const,
          message: `${s.name} is noreturn on ${r.table} but has no entry point`,
          hint: 'give it an entry point, or drop noreturn',
          path: [...rowPath(s.name, r.table, r.tag), 'noreturn'],
        })),
    );
  },
};

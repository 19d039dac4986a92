// Entry points are pasted bare into C and assembly (`__SYSCALL(nr, entry)`): a C keyword there
// breaks the build or changes its meaning. Names are always prefixed (`__NR_break`, `sys_break`),
// so i386's historic `break` is fine as a name; they are checked for reserved spellings instead.
import { rowPath } from '../raw.js';
import type { SpecCheck, SpecProblem } from './check.js';

export const C_KEYWORDS = new Set([
  'auto',
  'break',
  'case',
  'char',
  'const',
  'continue',
  'default',
  'do',
  'double',
  'else',
  'enum',
  'extern',
  'float',
  'for',
  'goto',
  'if',
  'inline',
  'int',
  'long',
  'register',
  'restrict',
  'return',
  'short',
  'signed',
  'sizeof',
  'static',
  'struct',
  'switch',
  'typedef',
  'union',
  'unsigned',
  'void',
  'volatile',
  'while',
  '_Alignas',
  '_Alignof',
  '_Atomic',
  '_Bool',
  '_Complex',
  '_Generic',
  '_Imaginary',
  '_Noreturn',
  '_Static_assert',
  '_Thread_local',
  'alignas',
  'alignof',
  'bool',
  'constexpr',
  'false',
  'nullptr',
  'static_assert',
  'thread_local',
  'true',
  'typeof',
  'typeof_unqual',
  'asm',
  '__asm__',
  '__attribute__',
  '__typeof__',
  '__inline__',
  '__volatile__',
  '__extension__',
]);

export const cIdentifiers: SpecCheck = {
  id: 'c-keyword',
  description: 'An entry point or compat entry point is a C keyword.',
  run({ spec }) {
    const problems: SpecProblem[] = [];
    for (const s of spec.syscalls) {
      for (const r of s.rows) {
        for (const [field, value] of [
          ['entry', r.entry],
          ['compat', r.compat],
        ] as const) {
          if (value !== null && C_KEYWORDS.has(value)) {
            problems.push({
              code: 'c-keyword',
              severity: 'error',
              message: `${field} "${value}" of ${s.name} is a C keyword`,
              hint: `entry points are pasted into C as-is; name the function, e.g. sys_${s.name}`,
              path: [...rowPath(s.name, r.table, r.tag), field],
            });
          }
        }
      }
    }
    return problems;
  },
};

// Every row must belong to a table some arch descriptor defines: the spec names tables and ABI
// tags, and the descriptors say which ABIs read them.
import type { SpecCheck, SpecProblem } from './check.js';

export const knownTables: SpecCheck = {
  id: 'unknown-table',
  description: 'A row names a table (and so an ABI) that no architecture descriptor defines.',
  run({ raw, arches }) {
    const problems: SpecProblem[] = [];
    const known = [...arches.tables.keys()].sort();
    for (const [name, s] of Object.entries(raw.syscalls)) {
      for (const table of Object.keys(s.tables)) {
        if (!arches.tables.has(table)) {
          problems.push({
            code: 'unknown-table',
            severity: 'error',
            message: `${name}: no architecture descriptor defines table "${table}"`,
            hint: `known tables: ${known.join(', ')}`,
            path: ['syscalls', name, 'tables', table],
            at: 'key',
          });
        }
      }
    }
    return problems;
  },
};

// Lints a C snippet in memory with every rule at its default level.
import { lintSource } from '../../src/lint/engine/lint-source.js';
import { DEFAULT_TABLE_NAMES } from '../../src/lint/engine/table-names.js';

export function lintC(code: string, ruleId?: string) {
  const r = lintSource(code, 'test.c', { tableNames: new Set(DEFAULT_TABLE_NAMES), levels: {} });
  return r.findings
    .filter((f) => !ruleId || f.ruleId === ruleId)
    .map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, line: f.line, column: f.column }));
}

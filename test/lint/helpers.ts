// Test helpers: lint a C snippet in memory, and a rule tester in ESLint's RuleTester shape — a
// table of `valid` snippets (no finding of the rule) and `invalid` ones with every finding of
// the rule they must produce (message id, line, column), nothing more.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/lint/engine/lint-source.js';
import { DEFAULT_TABLE_NAMES } from '../../src/lint/engine/table-names.js';

export interface LintedFinding {
  ruleId: string;
  messageId: string;
  line: number;
  column: number;
  severity: string;
}

/** Lints `code` with every rule at its default level; only `ruleId`'s findings when given. */
export function lintC(code: string, ruleId?: string): LintedFinding[] {
  const r = lintSource(code, 'test.c', { tableNames: new Set(DEFAULT_TABLE_NAMES), levels: {} });
  return r.findings
    .filter((f) => !ruleId || f.ruleId === ruleId)
    .map((f) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      line: f.line,
      column: f.column,
      severity: f.severity,
    }));
}

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  severity?: 'error' | 'warning';
}

export interface InvalidCase {
  code: string;
  errors: ExpectedError[];
}

export interface RuleCases {
  valid: string[];
  invalid: InvalidCase[];
}

/** Registers a `describe` block checking `ruleId` against its valid and invalid cases. */
export function ruleTester(ruleId: string, cases: RuleCases): void {
  describe(ruleId, () => {
    if (cases.valid.length > 0)
      it.each(cases.valid)('valid: %s', (code) => {
        expect(lintC(code, ruleId)).toEqual([]);
      });
    if (cases.invalid.length > 0)
      it.each(cases.invalid.map((c) => [c.code, c] as const))('invalid: %s', (_, c) => {
        const got = lintC(c.code, ruleId).map((f, i) => {
          const want = c.errors[i];
          const base = { messageId: f.messageId, line: f.line, column: f.column };
          return want?.severity ? { ...base, severity: f.severity } : base;
        });
        expect(got).toEqual(c.errors);
      });
  });
}

/** Every `.c` and `.h` file under the test fixtures (test/fixtures), recursively. */
export function fixtureSources(dir = join(import.meta.dirname, '..', 'fixtures')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? fixtureSources(join(dir, e.name))
      : /\.[ch]$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

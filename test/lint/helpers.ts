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

/** A deterministic generator (a linear congruential one, from `seed`) of integers below `n`. */
function randomBelow(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % Math.max(1, n);
  };
}

/** Deterministic mutations: drop, duplicate or swap characters. */
export function mutations(text: string, count: number): string[] {
  const rnd = randomBelow(text.length * 7919);
  return Array.from({ length: count }, () => {
    let t = text;
    for (let k = 0; k < 3; k++) {
      const i = rnd(t.length);
      const op = rnd(3);
      t =
        op === 0
          ? t.slice(0, i) + t.slice(i + 1)
          : op === 1
            ? t.slice(0, i) + t[i] + t.slice(i)
            : t.slice(0, i) + (t[i + 1] ?? '') + (t[i] ?? '') + t.slice(i + 2);
    }
    return t;
  });
}

/** Pieces of C structure a hostile or broken file may hold anywhere. */
const STRUCTURE = ['(', ')', '[', ']', '{', '}', '"', "'", '\\', '\n', '#', '/*', '*/', '//'];
const DIRECTIVES = ['#if 0\n', '#endif\n', '#define X(a) ', '##', '\r', '\u0000', '\u00ff'];
const OPERATORS = ['==', '!=', ';', ',', '?', ':', '__NR_', 'sys_'];
const PIECES = [...STRUCTURE, ...DIRECTIVES, ...OPERATORS];

/** Deterministic mutations: `inserts` pieces of C structure (brackets, quotes, directives...) each. */
export function insertions(text: string, count: number, inserts = 8): string[] {
  const rnd = randomBelow(text.length * 104729 + 12345);
  return Array.from({ length: count }, () => {
    let t = text;
    for (let k = 0; k < inserts; k++) {
      const i = rnd(t.length + 1);
      t = t.slice(0, i) + PIECES[rnd(PIECES.length)] + t.slice(i);
    }
    return t;
  });
}

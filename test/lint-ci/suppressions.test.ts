// Suppression comments: both forms, several rules, reasons required, malformed ones reported as
// findings, and suppressions that cover nothing reported as unused.
import { describe, expect, it } from 'vitest';
import { applySuppressions, parseDirectives } from '../../src/lint/suppressions.js';
import type { Finding, SourceComment } from '../../src/lint/types.js';

const RULES = ['table-write', 'wp-disable', 'table-lookup'];

/** The comments of a C snippet, as the engine's scanner reports them. */
function commentsOf(text: string): SourceComment[] {
  const out: SourceComment[] = [];
  for (const m of text.matchAll(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g)) {
    const start = m.index ?? 0;
    const before = text.slice(0, start);
    out.push({
      text: m[0],
      start,
      end: start + m[0].length,
      line: before.split('\n').length,
      column: start - before.lastIndexOf('\n'),
    });
  }
  return out;
}

function parse(text: string) {
  const lines = text.split('\n');
  return parseDirectives('a.c', commentsOf(text), RULES, (n) => lines[n - 1] ?? '');
}

function finding(line: number, ruleId = 'table-write'): Finding {
  return {
    ruleId,
    messageId: 'm',
    data: {},
    message: 'm',
    severity: 'error',
    file: 'a.c',
    line,
    column: 1,
    sourceLine: '',
    fingerprint: '',
  };
}

describe('parseDirectives', () => {
  it('reads next-line and same-line directives with their reasons', () => {
    const { directives, problems } = parse(
      [
        '/* syscalltbl-lint-disable-next-line table-write -- restores the saved entry */',
        'sys_call_table[__NR_read] = saved;',
        'sys_call_table[__NR_write] = saved; // syscalltbl-lint-disable-line table-write, wp-disable -- test harness',
      ].join('\n'),
    );
    expect(problems).toEqual([]);
    expect(directives).toMatchObject([
      {
        kind: 'disable-next-line',
        line: 1,
        targetLine: 2,
        ruleIds: ['table-write'],
        justification: 'restores the saved entry',
      },
      {
        kind: 'disable-line',
        line: 3,
        targetLine: 3,
        ruleIds: ['table-write', 'wp-disable'],
        justification: 'test harness',
      },
    ]);
  });

  it('targets the line after a multi-line block comment', () => {
    const { directives } = parse(
      [
        '/*',
        ' * syscalltbl-lint-disable-next-line table-write -- the',
        ' * unload path',
        ' */',
        'x();',
      ].join('\n'),
    );
    expect(directives).toMatchObject([{ targetLine: 5, justification: 'the unload path' }]);
  });

  it('rejects a suppression without a reason, with a message that says what to add', () => {
    const { directives, problems } = parse(
      '\t/* syscalltbl-lint-disable-next-line table-write */\nx();',
    );
    expect(directives).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      ruleId: 'invalid-suppression',
      messageId: 'noReason',
      severity: 'error',
      line: 1,
      column: 2,
    });
    expect(problems[0]?.message).toBe(
      'Suppression of table-write has no reason: add ` -- <why this is safe>` after the rule ids.',
    );
    expect(problems[0]?.sourceLine).toBe('\t/* syscalltbl-lint-disable-next-line table-write */');
  });

  it('treats an empty reason after -- as no reason', () => {
    expect(parse('// syscalltbl-lint-disable-line table-write --   ').problems[0]?.messageId).toBe(
      'noReason',
    );
  });

  it('rejects unknown rules, missing rules and unknown directive forms', () => {
    const { directives, problems } = parse(
      [
        '// syscalltbl-lint-disable-line tabel-write -- typo',
        '// syscalltbl-lint-disable-next-line -- why',
        '// syscalltbl-lint-disable table-write -- block form',
      ].join('\n'),
    );
    expect(directives).toEqual([]);
    expect(problems.map((p) => [p.line, p.messageId])).toEqual([
      [1, 'unknownRule'],
      [2, 'noRule'],
      [3, 'unknownDirective'],
    ]);
    expect(problems[0]?.message).toContain('valid rules: table-lookup, table-write, wp-disable');
  });

  it('ignores comments that merely mention the tool', () => {
    expect(parse('/* see syscalltbl-lint-disable-line in docs/ci.md */')).toEqual({
      directives: [],
      problems: [],
    });
  });
});

describe('applySuppressions', () => {
  const text = [
    '// syscalltbl-lint-disable-next-line table-write -- restore on unload',
    'sys_call_table[1] = a;',
    '// syscalltbl-lint-disable-next-line wp-disable, table-write -- only the write is here',
    'sys_call_table[2] = b;',
    '// syscalltbl-lint-disable-next-line table-lookup -- rule is off for this file',
    'nothing();',
  ].join('\n');

  it('marks covered findings with the justification and keeps them', () => {
    const findings = [finding(2), finding(4), finding(6, 'wp-disable')];
    applySuppressions(findings, parse(text).directives, () => true);
    expect(findings.map((f) => f.suppression)).toEqual([
      { justification: 'restore on unload', line: 1 },
      { justification: 'only the write is here', line: 3 },
      undefined,
    ]);
  });

  it('reports each rule of a directive that covered nothing, unless the rule is off there', () => {
    const unused = applySuppressions(
      [finding(2), finding(4)],
      parse(text).directives,
      (_file, rule) => rule !== 'table-lookup',
    );
    expect(unused).toEqual([{ file: 'a.c', line: 3, column: 1, ruleId: 'wp-disable' }]);
  });

  it('does not let a suppression for one rule cover another', () => {
    const findings = [finding(2, 'table-lookup')];
    applySuppressions(findings, parse(text).directives, () => true);
    expect(findings[0]?.suppression).toBeUndefined();
  });
});

// A stand-in for the issue-5 engine with the same contract (lintPaths, rules, defaultRuleLevels):
// three regex rules over comment-masked C, so the CI pieces can be tested on real files alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { LintDeps } from '../../../src/lint/lint-command.js';
import type { Finding, RuleLevel, RuleMeta, SourceComment } from '../../../src/lint/types.js';

export const fakeRules: RuleMeta[] = [
  rule('table-write', 'error', 'A slot of the system call table is written.', {
    slotWrite: 'Writes slot {{slot}} of {{table}}.',
  }),
  rule('table-lookup', 'error', 'The system call table is looked up by name.', {
    byName: 'Looks up {{table}} by name.',
  }),
  rule('wp-disable', 'warning', 'Kernel write protection is lifted.', {
    cr0: 'Clears CR0.WP through {{fn}}.',
  }),
];

const patterns: Array<{
  ruleId: string;
  messageId: string;
  re: RegExp;
  data: (m: RegExpExecArray) => Record<string, string>;
}> = [
  {
    ruleId: 'table-write',
    messageId: 'slotWrite',
    re: /\b(sys_call_table)\s*\[([^\]]*)\]\s*=(?!=)/g,
    data: (m) => ({ table: m[1] ?? '', slot: m[2] ?? '' }),
  },
  {
    ruleId: 'table-lookup',
    messageId: 'byName',
    re: /kallsyms_lookup_name\s*\(\s*"(sys_call_table)"/g,
    data: (m) => ({ table: m[1] ?? '' }),
  },
  {
    ruleId: 'wp-disable',
    messageId: 'cr0',
    re: /\b(write_cr0)\s*\(/g,
    data: (m) => ({ fn: m[1] ?? '' }),
  },
];

export function fakeDefaultRuleLevels(): Record<string, RuleLevel> {
  return Object.fromEntries(
    fakeRules.map((r) => [r.id, r.defaultSeverity === 'error' ? 'error' : 'warn']),
  );
}

type LintPaths = LintDeps['lintPaths'];

/** Paths are resolved against `cwd`, and reported relative to it (the engine's root). */
export function fakeLintPaths(cwd: string): LintPaths {
  return async (paths, options) => {
    const files = paths
      .flatMap((p) => walk(resolve(cwd, p)))
      .map((abs) => relative(cwd, abs).split(sep).join('/'));
    const findings: Finding[] = [];
    const directives: Record<string, SourceComment[]> = {};
    let filesLinted = 0;
    const wanted = files.filter((f) => (options.fileFilter ? options.fileFilter(f) : true)).sort();
    for (const [i, file] of wanted.entries()) {
      const text = readFileSync(join(cwd, file), 'utf8');
      const { masked, comments } = maskComments(text);
      const mine = comments.filter((c) => c.text.includes('syscalltbl-lint'));
      if (mine.length > 0) directives[file] = mine;
      const levels = options.ruleLevelsFor(file);
      const lines = text.split('\n');
      for (const p of patterns) {
        const level = levels[p.ruleId] ?? 'off';
        if (level === 'off') continue;
        for (const m of masked.matchAll(p.re)) {
          const { line, column } = position(text, m.index ?? 0);
          const data = p.data(m as RegExpExecArray);
          const template = fakeRules.find((r) => r.id === p.ruleId)?.messages[p.messageId] ?? '';
          findings.push({
            ruleId: p.ruleId,
            messageId: p.messageId,
            data,
            message: template.replace(/\{\{(\w+)\}\}/g, (_x, k: string) => data[k] ?? ''),
            severity: level === 'error' ? 'error' : 'warning',
            file,
            line,
            column,
            sourceLine: lines[line - 1] ?? '',
            fingerprint: '',
          });
        }
      }
      filesLinted++;
      options.onProgress?.(i + 1, wanted.length);
    }
    return { root: cwd, findings, directives, skipped: [], filesLinted };
  };
}

function walk(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .flatMap((name) => walk(join(path, name)))
    .filter((f) => f.endsWith('.c') || f.endsWith('.h'));
}

/** Comments replaced by spaces (newlines kept), and the comments themselves with positions. */
function maskComments(text: string): { masked: string; comments: SourceComment[] } {
  const comments: SourceComment[] = [];
  const masked = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, offset: number) => {
    const { line, column } = position(text, offset);
    comments.push({ text: m, start: offset, end: offset + m.length, line, column });
    return m.replace(/[^\n]/g, ' ');
  });
  return { masked, comments };
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function rule(
  id: string,
  severity: 'error' | 'warning',
  description: string,
  messages: Record<string, string>,
): RuleMeta {
  return {
    id,
    description,
    fullDescription: `${description} (A test rule.)`,
    defaultSeverity: severity,
    messages,
    fix: 'Declare a stub syscall in the spec and register with it (`syscalltbl generate --stubs`).',
    docs: `docs/rules/${id}.md`,
  };
}

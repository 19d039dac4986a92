// In-source suppressions: `syscalltbl-lint-disable-line RULE[, RULE] -- reason` and
// `syscalltbl-lint-disable-next-line RULE[, RULE] -- reason` in a C comment. Suppressed findings
// are kept (SARIF lists them as `inSource` suppressions); malformed directives become findings.
import type { Finding, RuleMeta, SourceComment } from './types.js';

export type DirectiveKind = 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Root-relative path, forward slashes. */
  file: string;
  /** Where the comment starts. */
  line: number;
  column: number;
  /** The line whose findings it suppresses. */
  targetLine: number;
  ruleIds: string[];
  justification: string;
}

export interface UnusedSuppression {
  file: string;
  line: number;
  column: number;
  ruleId: string;
}

const INVALID = 'invalid-suppression';
const UNUSED = 'unused-suppression';
const DOCS = 'docs/ci.md#suppressions';
const FIX =
  'Write `/* syscalltbl-lint-disable-next-line <rule-id> -- <why this is safe> */` on the line ' +
  'before, or `// syscalltbl-lint-disable-line <rule-id> -- <why>` at the end of the line.';

/**
 * Two pseudo-rules reported by the suppression machinery itself. They are not configurable: a
 * suppression without a reason must never silence a finding, whatever the config says.
 */
export const suppressionRules: RuleMeta[] = [
  {
    id: INVALID,
    description: 'A syscalltbl-lint suppression comment is malformed and suppresses nothing.',
    fullDescription:
      'A suppression must name the rules it silences and give a reason after `--`. A malformed ' +
      'one is ignored, so the finding it meant to silence is reported as well.',
    defaultSeverity: 'error',
    messages: {
      noReason:
        'Suppression of {{rules}} has no reason: add ` -- <why this is safe>` after the rule ids.',
      noRule: 'Suppression names no rule: write `{{directive}} <rule-id> -- <reason>`.',
      unknownRule: 'Suppression names unknown rule `{{rule}}`; valid rules: {{valid}}.',
      unknownDirective:
        'Unknown directive `{{directive}}`: use syscalltbl-lint-disable-line or syscalltbl-lint-disable-next-line.',
    },
    fix: FIX,
    docs: DOCS,
  },
  {
    id: UNUSED,
    description: 'A syscalltbl-lint suppression comment suppresses nothing.',
    fullDescription:
      'Reported with --report-unused-suppressions: the rule no longer finds anything on the ' +
      'suppressed line, so the comment is stale and should be removed.',
    defaultSeverity: 'warning',
    messages: { unused: 'Unused suppression of {{rule}}: it suppresses nothing.' },
    fix: 'Remove the suppression comment, or the rule id from it.',
    docs: DOCS,
  },
];

const DIRECTIVE = /^syscalltbl-lint-([A-Za-z-]*)([\s\S]*)$/;

/**
 * Reads the directives in one file's comments. `lineText` gives a source line (for the findings
 * reported against malformed directives); `knownRules` are the ids a directive may name.
 */
export function parseDirectives(
  file: string,
  comments: readonly SourceComment[],
  knownRules: readonly string[],
  lineText: (line: number) => string,
): { directives: Directive[]; problems: Finding[] } {
  const directives: Directive[] = [];
  const problems: Finding[] = [];
  const known = new Set(knownRules);
  for (const comment of comments) {
    const match = DIRECTIVE.exec(commentBody(comment.text));
    if (!match) continue;
    const report = (messageId: string, data: Record<string, string>) =>
      problems.push(invalidFinding(file, comment, messageId, data, lineText(comment.line)));
    const kind = match[1] ?? '';
    if (kind !== 'disable-line' && kind !== 'disable-next-line') {
      report('unknownDirective', { directive: `syscalltbl-lint-${kind}` });
      continue;
    }
    const rest = match[2] ?? '';
    const dash = rest.indexOf('--');
    const ruleIds = (dash < 0 ? rest : rest.slice(0, dash)).split(/[\s,]+/).filter(Boolean);
    const justification =
      dash < 0
        ? ''
        : rest
            .slice(dash + 2)
            .replace(/\s+/g, ' ')
            .trim();
    const unknown = ruleIds.filter((id) => !known.has(id));
    if (ruleIds.length === 0) report('noRule', { directive: `syscalltbl-lint-${kind}` });
    for (const rule of unknown)
      report('unknownRule', { rule, valid: [...known].sort().join(', ') });
    if (ruleIds.length > 0 && !justification) report('noReason', { rules: ruleIds.join(', ') });
    if (ruleIds.length === 0 || unknown.length > 0 || !justification) continue;
    const endLine = comment.line + countNewlines(comment.text);
    directives.push({
      kind,
      file,
      line: comment.line,
      column: comment.column,
      targetLine: kind === 'disable-line' ? comment.line : endLine + 1,
      ruleIds,
      justification,
    });
  }
  return { directives, problems };
}

/**
 * Marks each finding a directive covers (same file, the finding's first line, a named rule) and
 * returns the directive rules that covered nothing. A rule that is off for the file cannot be
 * judged, so its suppressions are never called unused.
 */
export function applySuppressions(
  findings: Finding[],
  directives: readonly Directive[],
  isRuleActive: (file: string, ruleId: string) => boolean,
): UnusedSuppression[] {
  const slots = new Map<string, { directive: Directive; used: boolean }>();
  for (const directive of directives) {
    for (const ruleId of directive.ruleIds) {
      const key = slotKey(directive.file, directive.targetLine, ruleId);
      if (!slots.has(key)) slots.set(key, { directive, used: false });
    }
  }
  for (const finding of findings) {
    const slot = slots.get(slotKey(finding.file, finding.line, finding.ruleId));
    if (!slot) continue;
    slot.used = true;
    finding.suppression = {
      justification: slot.directive.justification,
      line: slot.directive.line,
    };
  }
  const unused: UnusedSuppression[] = [];
  for (const [key, slot] of slots) {
    if (slot.used) continue;
    const ruleId = key.slice(key.lastIndexOf('\0') + 1);
    const { file, line, column } = slot.directive;
    if (isRuleActive(file, ruleId)) unused.push({ file, line, column, ruleId });
  }
  return unused.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.ruleId, b.ruleId));
}

/** The comment's text without delimiters or the leading `*` of block-comment lines. */
function commentBody(text: string): string {
  const inner = text.startsWith('//')
    ? text.slice(2)
    : text.slice(2, text.endsWith('*/') ? -2 : undefined);
  return inner
    .split('\n')
    .map((l) => l.replace(/^\s*\*?\s?/, ''))
    .join('\n')
    .trim();
}

function invalidFinding(
  file: string,
  comment: SourceComment,
  messageId: string,
  data: Record<string, string>,
  sourceLine: string,
): Finding {
  const template = suppressionRules[0]?.messages[messageId] ?? messageId;
  return {
    ruleId: INVALID,
    messageId,
    data,
    message: template.replace(/\{\{(\w+)\}\}/g, (_m, k: string) => data[k] ?? ''),
    severity: 'error',
    file,
    line: comment.line,
    column: comment.column,
    sourceLine,
    fingerprint: '',
  };
}

/** The message every formatter shows for an unused suppression. */
export function unusedMessage(u: { ruleId: string }): string {
  return `Unused suppression of ${u.ruleId}: it suppresses nothing.`;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function slotKey(file: string, line: number, ruleId: string): string {
  return `${file}\0${line}\0${ruleId}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

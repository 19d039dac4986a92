// The linter's shared vocabulary: rules, findings, results and formatters. Rules report data
// (a message id and its arguments); one step turns ids into prose, so text, JSON, SARIF and the
// docs pages all say the same thing.

export type RuleSeverity = 'error' | 'warning';
export type RuleLevel = 'off' | 'warn' | 'error';

/** A comment found by the scanner, with its text (delimiters included) and position. */
export interface SourceComment {
  text: string;
  /** 0-based offsets into the file's text. */
  start: number;
  end: number;
  /** 1-based line and column of `start`. */
  line: number;
  column: number;
}

export interface RuleMeta<MessageId extends string = string> {
  /** kebab-case, e.g. `table-write`; the file is src/lint/rules/<id>.ts, the docs docs/rules/<id>.md. */
  id: string;
  /** One line, for `--help`, SARIF shortDescription and the docs index. */
  description: string;
  /** Longer explanation for SARIF fullDescription. */
  fullDescription: string;
  defaultSeverity: RuleSeverity;
  /** Message templates by id; `{{name}}` placeholders are filled from a finding's data. */
  messages: Record<MessageId, string>;
  /** What to do instead: always points at the stub interface (`syscalltbl generate --stubs`). */
  fix: string;
  /** Relative docs path, e.g. `docs/rules/table-write.md`. */
  docs: string;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  /** Filled into the message template. */
  data: Record<string, string>;
  /** The rendered message (filled in by the engine from `messageId` and `data`). */
  message: string;
  severity: RuleSeverity;
  /** Path relative to the lint root, forward slashes. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number;
  endColumn?: number;
  /** The source line, trimmed of its newline, for text output and fingerprints. */
  sourceLine: string;
  /** Stable across unrelated edits above the finding (see fingerprint.ts). */
  fingerprint: string;
  /** What to do about this finding, where it says more than its rule's fix (the stub to register). */
  fix?: string;
  /** Set when an in-source suppression covers this finding. */
  suppression?: { justification: string; line: number };
  /** Set when a baseline is in use. */
  baselineState?: 'new' | 'unchanged';
}

/** A file the run could not lint, and why (binary, too large, unreadable, not UTF-8, ...). */
export interface SkippedFile {
  file: string;
  reason: string;
}

export interface LintResult {
  /** The directory paths in findings are relative to. */
  root: string;
  findings: Finding[];
  /** Suppression comments that matched nothing (with --report-unused-suppressions). */
  unusedSuppressions: Array<{ file: string; line: number; column: number; ruleId: string }>;
  /** Baseline entries no longer found (with --baseline). */
  fixed: Array<{ fingerprint: string; ruleId: string; file: string; message: string }>;
  skipped: SkippedFile[];
  filesLinted: number;
  rules: RuleMeta[];
}

/** A formatter turns a result into the text written to stdout. */
export type Formatter = (
  result: LintResult,
  context: { toolVersion: string; cwd: string },
) => string;

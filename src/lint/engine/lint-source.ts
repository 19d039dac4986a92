// Lints one file's text: scan, analyse (with the run's project facts), run each enabled rule,
// and turn its reports into positioned findings. Pure: no I/O, so tests and workers share it.
import { rules } from '../rules/index.js';
import {
  commentsContaining,
  lineText,
  positionOf,
  type ScannedFile,
  scanSource,
  tokenEnd,
} from '../scan/index.js';
import type { Finding, RuleLevel, SourceComment } from '../types.js';
import { analyzeFile } from './analyze.js';
import type { Report } from './context.js';
import { emptyFacts, type ProjectFacts } from './facts.js';
import { renderMessage } from './render-message.js';

export interface SourceLintOptions {
  tableNames: ReadonlySet<string>;
  levels: Record<string, RuleLevel>;
  facts?: ProjectFacts;
  /** Set when another file of this module (directory) touches the table. */
  moduleTouchesTable?: boolean;
  /**
   * Keep table-reference findings that a more specific finding covers (the engine does, and
   * drops them once each file's rule levels are known: see dropCoveredReferences).
   */
  keepCovered?: boolean;
}

/** A finding before the run's rule levels are applied: `escalate` marks warn→error candidates. */
export interface RawFinding extends Finding {
  escalate?: boolean;
  moduleDependent?: boolean;
}

export interface SourceLintResult {
  findings: RawFinding[];
  directives: SourceComment[];
  exports: ProjectFacts;
  touchesTable: boolean;
  /** See Analysis.namedCalls. */
  namedCalls: string[];
}

/** Lints a file's text, or a file already scanned (the gate may have scanned it). */
export function lintSource(
  source: string | ScannedFile,
  file: string,
  options: SourceLintOptions,
): SourceLintResult {
  const scanned = typeof source === 'string' ? scanSource(source) : source;
  // The caller's set itself: the patterns and length tables built for it are kept per set.
  const analysis = analyzeFile(scanned, options.tableNames, options.facts ?? emptyFacts());
  const findings: RawFinding[] = [];
  const seen = new Set<string>();
  const moduleTouchesTable = analysis.touchesTable || options.moduleTouchesTable === true;
  for (const rule of rules) {
    const level =
      options.levels[rule.meta.id] ?? (rule.meta.defaultSeverity === 'error' ? 'error' : 'warn');
    if (level === 'off') continue;
    const report = (r: Report): void => {
      const token = analysis.st.segs[r.seg]?.toks[r.tok];
      if (!token) return;
      const key = `${rule.meta.id}:${token.start}:${r.messageId}`;
      if (seen.has(key)) return;
      seen.add(key);
      const data = r.data ?? {};
      const template = (rule.meta.messages as Record<string, string>)[r.messageId] ?? r.messageId;
      const finding: RawFinding = toFinding(scanned, file, token.start, tokenEnd(token), {
        ruleId: rule.meta.id,
        messageId: r.messageId,
        data,
        message: renderMessage(template, data),
        severity: level === 'error' || (r.escalate && level === 'warn') ? 'error' : 'warning',
      });
      if (r.escalate) finding.escalate = true;
      if (r.moduleDependent) finding.moduleDependent = true;
      findings.push(finding);
    };
    rule.check({ analysis, moduleTouchesTable, report });
  }
  findings.sort(compareFindings);
  return {
    findings: options.keepCovered ? findings : dropCoveredReferences(findings),
    directives: commentsContaining(scanned, 'syscalltbl-lint'),
    exports: analysis.exports,
    touchesTable: analysis.touchesTable,
    namedCalls: analysis.namedCalls,
  };
}

function toFinding(
  scanned: ScannedFile,
  file: string,
  start: number,
  end: number,
  f: Pick<Finding, 'ruleId' | 'messageId' | 'data' | 'message' | 'severity'>,
): Finding {
  const at = positionOf(scanned.lineStarts, start);
  const to = positionOf(scanned.lineStarts, end);
  return {
    ...f,
    file,
    line: at.line,
    column: at.column,
    endLine: to.line,
    endColumn: to.column,
    sourceLine: lineText(scanned.text, scanned.lineStarts, at.line),
    fingerprint: '',
  };
}

/** Rules whose findings say more than table-reference's about the same token. */
const SPECIFIC = new Set(['table-write', 'table-lookup', 'table-scan']);

/**
 * Drops table-reference findings at a token a more specific finding (a slot write, a lookup,
 * a scan) reports too: one place, one finding, the one that says what happens there.
 */
export function dropCoveredReferences<F extends Finding>(findings: F[]): F[] {
  const covered = new Set<string>();
  for (const f of findings)
    if (SPECIFIC.has(f.ruleId)) covered.add(`${f.file}:${f.line}:${f.column}`);
  if (covered.size === 0) return findings;
  return findings.filter(
    (f) => f.ruleId !== 'table-reference' || !covered.has(`${f.file}:${f.line}:${f.column}`),
  );
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

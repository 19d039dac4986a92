// JSON for tools: version 1 of the shape described by schema/lint-results.schema.json. Every
// finding is listed, suppressed and baselined ones too, each saying which it is.
import { unusedMessage } from '../suppressions.js';
import type { Formatter } from '../types.js';
import { compareStrings, countResult, displayPath, docsUrl } from './shared.js';

export const JSON_RESULTS_VERSION = 1;

export const jsonFormatter: Formatter = (result, { cwd, toolVersion }) => {
  const show = (file: string) => displayPath(result.root, file, cwd);
  const doc = {
    version: JSON_RESULTS_VERSION,
    tool: { name: 'syscalltbl', version: toolVersion },
    summary: countResult(result),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      data: f.data,
      message: f.message,
      severity: f.severity,
      file: show(f.file),
      line: f.line,
      column: f.column,
      endLine: f.endLine ?? null,
      endColumn: f.endColumn ?? null,
      sourceLine: f.sourceLine,
      fingerprint: f.fingerprint,
      fix: f.fix ?? null,
      suppression: f.suppression ?? null,
      baselineState: f.baselineState ?? null,
    })),
    unusedSuppressions: result.unusedSuppressions.map((u) => ({
      ...u,
      file: show(u.file),
      message: unusedMessage(u),
    })),
    fixed: result.fixed.map((f) => ({ ...f, file: show(f.file) })),
    skipped: result.skipped.map((s) => ({ file: show(s.file), reason: s.reason })),
    rules: [...result.rules]
      .sort((a, b) => compareStrings(a.id, b.id))
      .map((r) => ({
        id: r.id,
        description: r.description,
        defaultSeverity: r.defaultSeverity,
        fix: r.fix,
        helpUri: docsUrl(r.docs, toolVersion),
      })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};

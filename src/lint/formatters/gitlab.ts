// GitLab Code Quality (a Code Climate issue list): upload it as `artifacts:reports:codequality`
// and merge requests show what changed. Only findings that count are listed.
import { unusedMessage } from '../suppressions.js';
import type { Formatter } from '../types.js';
import { compareStrings, displayPath, isReported } from './shared.js';

interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  categories: string[];
  severity: 'major' | 'minor';
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

export const gitlabFormatter: Formatter = (result, { cwd }) => {
  const show = (file: string) => displayPath(result.root, file, cwd);
  const issues: CodeQualityIssue[] = result.findings.filter(isReported).map((f) => ({
    type: 'issue',
    check_name: f.ruleId,
    description: f.message,
    categories: [f.ruleId.endsWith('-suppression') ? 'Style' : 'Security'],
    severity: f.severity === 'error' ? 'major' : 'minor',
    fingerprint: f.fingerprint,
    location: { path: show(f.file), lines: { begin: f.line } },
  }));
  for (const u of result.unusedSuppressions) {
    issues.push({
      type: 'issue',
      check_name: 'unused-suppression',
      description: unusedMessage(u),
      categories: ['Style'],
      severity: 'minor',
      // GitLab needs a unique fingerprint; the comment's place is what identifies it.
      fingerprint: `unused-suppression:${u.ruleId}:${show(u.file)}:${u.line}:${u.column}`,
      location: { path: show(u.file), lines: { begin: u.line } },
    });
  }
  issues.sort(
    (a, b) =>
      compareStrings(a.location.path, b.location.path) ||
      a.location.lines.begin - b.location.lines.begin ||
      compareStrings(a.check_name, b.check_name) ||
      compareStrings(a.fingerprint, b.fingerprint),
  );
  return `${JSON.stringify(issues, null, 2)}\n`;
};

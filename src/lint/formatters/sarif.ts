// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: every rule's metadata, results
// with relative URIs under %SRCROOT%, partial fingerprints, in-source suppressions and baseline
// states, sorted so the same input always gives the same bytes.
import { FINGERPRINT_KEY } from '../fingerprint.js';
import { suppressionRules, unusedMessage } from '../suppressions.js';
import type { Finding, Formatter, RuleMeta } from '../types.js';
import { compareStrings, displayPath, docsUrl, PROJECT_URL } from './shared.js';

const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: Array<Record<string, unknown>>;
  partialFingerprints?: Record<string, string>;
  suppressions?: Array<{
    kind: 'inSource';
    justification: string;
    location?: Record<string, unknown>;
  }>;
  baselineState?: 'new' | 'unchanged';
  properties?: { fix: string };
}

export const sarifFormatter: Formatter = (result, { cwd, toolVersion }) => {
  const uri = (file: string) => encodeUri(displayPath(result.root, file, cwd));
  const byId = new Map<string, RuleMeta>();
  for (const rule of [...result.rules, ...suppressionRules])
    if (!byId.has(rule.id)) byId.set(rule.id, rule);
  const rules = [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));

  const results: SarifResult[] = result.findings.map((f) =>
    findingResult(f, uri(f.file), index.get(f.ruleId)),
  );
  for (const u of result.unusedSuppressions) {
    results.push({
      ruleId: 'unused-suppression',
      ...withIndex(index.get('unused-suppression')),
      level: 'warning',
      message: { text: unusedMessage(u) },
      locations: [location(uri(u.file), u.line, u.column)],
    });
  }
  results.sort(compareResults);

  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'syscalltbl',
        version: toolVersion,
        semanticVersion: toolVersion,
        informationUri: PROJECT_URL,
        rules: rules.map((r) => descriptor(r, toolVersion)),
      },
    },
    // No absolute path here (output must not depend on the machine): consumers such as GitHub
    // resolve %SRCROOT% to the checkout, which is where the action runs the linter.
    originalUriBaseIds: {
      [SRCROOT]: {
        description: { text: 'The directory syscalltbl lint ran in (the repository root in CI).' },
      },
    },
    columnKind: 'utf16CodeUnits',
    results,
  };
  const notifications = [
    ...result.fixed.map((f) =>
      notification(
        'baseline-fixed',
        'note',
        `Fixed since the baseline: ${f.ruleId}: ${f.message}`,
        uri(f.file),
      ),
    ),
    ...result.skipped.map((s) =>
      notification('file-skipped', 'warning', `Not linted: ${s.reason}`, uri(s.file)),
    ),
  ].sort((a, b) => compareStrings(JSON.stringify(a), JSON.stringify(b)));
  // Fixed baseline entries go here rather than as `absent` results: code scanning would open
  // an alert for any result, whatever its baselineState.
  run.invocations = [
    {
      executionSuccessful: true,
      ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
    },
  ];

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [run],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function findingResult(f: Finding, fileUri: string, ruleIndex: number | undefined): SarifResult {
  const r: SarifResult = {
    ruleId: f.ruleId,
    ...withIndex(ruleIndex),
    level: f.severity === 'error' ? 'error' : 'warning',
    message: { text: f.message },
    locations: [location(fileUri, f.line, f.column, f.endLine, f.endColumn, f.sourceLine)],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
  };
  if (f.suppression) {
    r.suppressions = [
      {
        kind: 'inSource',
        justification: f.suppression.justification,
        location: location(fileUri, f.suppression.line, 1),
      },
    ];
  }
  if (f.baselineState) r.baselineState = f.baselineState;
  // The rule's help says what to do in general; this finding's own fix names its syscall's stub.
  if (f.fix) r.properties = { fix: f.fix };
  return r;
}

function withIndex(ruleIndex: number | undefined): { ruleIndex?: number } {
  return ruleIndex === undefined ? {} : { ruleIndex };
}

/** SARIF lines and columns are 1-based: clamp, and drop an end that does not follow the start. */
function location(
  fileUri: string,
  line: number,
  column: number,
  endLine?: number,
  endColumn?: number,
  snippet?: string,
): Record<string, unknown> {
  const startLine = Math.max(1, Math.trunc(line) || 1);
  const startColumn = Math.max(1, Math.trunc(column) || 1);
  const region: Record<string, unknown> = { startLine, startColumn };
  if (
    endLine !== undefined &&
    endColumn !== undefined &&
    (endLine > startLine || (endLine === startLine && endColumn > startColumn))
  ) {
    region.endLine = endLine;
    region.endColumn = endColumn;
  }
  if (snippet !== undefined) region.snippet = { text: snippet };
  return { physicalLocation: { artifactLocation: { uri: fileUri, uriBaseId: SRCROOT }, region } };
}

function descriptor(rule: RuleMeta, version: string): Record<string, unknown> {
  const helpUri = docsUrl(rule.docs, version);
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.fullDescription },
    helpUri,
    help: {
      text: `${rule.fix}\n\n${helpUri}`,
      markdown: `${rule.fix}\n\n[Rule documentation](${helpUri})`,
    },
    defaultConfiguration: { level: rule.defaultSeverity === 'error' ? 'error' : 'warning' },
    properties: {
      tags: suppressionRules.some((s) => s.id === rule.id) ? ['maintainability'] : ['security'],
    },
  };
}

function notification(
  id: string,
  level: SarifLevel,
  text: string,
  fileUri: string,
): Record<string, unknown> {
  return {
    descriptor: { id },
    level,
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: fileUri, uriBaseId: SRCROOT } } }],
  };
}

/** Relative URI reference: each segment percent-encoded, slashes kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function compareResults(a: SarifResult, b: SarifResult): number {
  const la = a.locations[0] as {
    physicalLocation: {
      artifactLocation: { uri: string };
      region: { startLine: number; startColumn: number };
    };
  };
  const lb = b.locations[0] as typeof la;
  return (
    compareStrings(
      la.physicalLocation.artifactLocation.uri,
      lb.physicalLocation.artifactLocation.uri,
    ) ||
    la.physicalLocation.region.startLine - lb.physicalLocation.region.startLine ||
    la.physicalLocation.region.startColumn - lb.physicalLocation.region.startColumn ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message.text, b.message.text)
  );
}

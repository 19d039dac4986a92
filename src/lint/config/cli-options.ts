// The lint command's options, checked: `--rule id=level` (repeatable, rule ids must exist),
// `--max-warnings N`, `--jobs N`. Every bad option is reported at once, as usage errors (exit 2).
import { type Diagnostic, UserError } from '../../common/diagnostics.js';
import type { RuleLevel } from '../types.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface LintOptions {
  format: FormatName;
  configPath?: string;
  cliRules: Record<string, RuleLevel>;
  maxWarnings?: number;
  baseline?: string;
  writeBaseline?: string;
  reportUnusedSuppressions: boolean;
  preset?: string;
  jobs?: number;
  progress: boolean;
}

const LEVELS: readonly string[] = ['off', 'warn', 'error'];
const WHERE = 'command line';

export function parseLintOptions(
  options: Record<string, unknown>,
  knownRules: readonly string[],
): LintOptions {
  const problems: Diagnostic[] = [];
  const fail = (code: string, message: string, hint?: string) =>
    problems.push({ code, severity: 'error', message, file: WHERE, ...(hint ? { hint } : {}) });

  const format = String(options.format ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format))
    fail('bad-option', `unknown format \`${format}\``, `use one of ${FORMATS.join(', ')}`);

  const cliRules: Record<string, RuleLevel> = {};
  const ruleArgs = Array.isArray(options.rule)
    ? options.rule.map(String)
    : options.rule
      ? [String(options.rule)]
      : [];
  for (const arg of ruleArgs.flatMap((a) => a.split(',')).filter(Boolean)) {
    const [id = '', level = '', ...rest] = arg.split('=').map((s) => s.trim());
    if (!knownRules.includes(id)) {
      fail(
        'unknown-rule',
        `unknown rule \`${id}\` in \`--rule ${arg}\``,
        `valid rules: ${[...knownRules].sort().join(', ')}`,
      );
    } else if (!LEVELS.includes(level) || rest.length > 0) {
      fail(
        'bad-option',
        `\`--rule ${arg}\` needs a level: off, warn or error`,
        `e.g. --rule ${id}=warn`,
      );
    } else {
      cliRules[id] = level as RuleLevel;
    }
  }

  const maxWarnings = count(options.maxWarnings, '--max-warnings', 0, fail);
  const jobs = count(options.jobs, '--jobs', 1, fail);
  if (problems.length > 0) throw new UserError(problems);
  return {
    format: format as FormatName,
    ...(options.config ? { configPath: String(options.config) } : {}),
    cliRules,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(options.baseline ? { baseline: String(options.baseline) } : {}),
    ...(options.writeBaseline ? { writeBaseline: String(options.writeBaseline) } : {}),
    reportUnusedSuppressions: options.reportUnusedSuppressions === true,
    ...(options.preset ? { preset: String(options.preset) } : {}),
    ...(jobs !== undefined ? { jobs } : {}),
    progress: options.progress === true,
  };
}

function count(
  value: unknown,
  name: string,
  min: number,
  fail: (code: string, message: string, hint?: string) => void,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  if (/^\d+$/.test(text) && Number(text) >= min && Number.isSafeInteger(Number(text)))
    return Number(text);
  fail(
    'bad-option',
    `\`${name} ${text}\` is not a whole number${min > 0 ? ` of at least ${min}` : ''}`,
  );
  return undefined;
}

// The lint command end to end on real files (with a stand-in engine): exit codes, baselines,
// suppressions, config and options, and fingerprints that survive lines inserted above.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LintDeps, lintWith } from '../../src/lint/lint-command.js';
import { fakeDefaultRuleLevels, fakeLintPaths, fakeRules } from './helpers/fake-engine.js';
import { copyFixture, fixtures, lint } from './helpers/harness.js';

const corpus = join(fixtures, 'corpus');

function insertAbove(file: string, lineNumber: number, lines: string[]): void {
  const text = readFileSync(file, 'utf8').split('\n');
  text.splice(lineNumber - 1, 0, ...lines);
  writeFileSync(file, text.join('\n'));
}

function sarifResults(stdout: string) {
  return JSON.parse(stdout).runs[0].results as Array<{
    ruleId: string;
    baselineState?: string;
    partialFingerprints: Record<string, string>;
    locations: Array<{ physicalLocation: { region: { startLine: number } } }>;
  }>;
}

describe('exit codes', () => {
  it('is 1 with findings at error severity, 0 when clean', async () => {
    expect((await lint(['src/hook_open.c'], { cwd: corpus })).status).toBe(1);
    const clean = await lint(['src/hook_open.c'], {
      cwd: corpus,
      rule: ['table-write=off', 'table-lookup=warn'],
    });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('3 problems (0 errors, 3 warnings) in 1 file.');
  });

  it('is 1 over --max-warnings, saying why on stderr', async () => {
    const args = { cwd: corpus, rule: ['table-write=off', 'table-lookup=off'] };
    expect((await lint(['src/hook_open.c'], { ...args, maxWarnings: '2' })).status).toBe(0);
    const over = await lint(['src/hook_open.c'], { ...args, maxWarnings: '1' });
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('syscalltbl lint: 2 warnings, more than --max-warnings 1\n');
  });

  it('is 2 for an unknown rule, listing the valid ones', async () => {
    const run = await lint([], { cwd: corpus, rule: ['table-wrte=off'] });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown rule `table-wrte`');
    expect(run.stderr).toContain('valid rules: table-lookup, table-write, wp-disable');
    expect(run.stdout).toBe('');
  });

  it('is 2 for a config with an error, naming file:line:col', async () => {
    const run = await lint([], { cwd: corpus, config: '../configs/bad.yaml' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^\.\.\/configs\/bad\.yaml:3:16: error\[config-rule-level\]/);
  });
});

describe('baselines', () => {
  it('unchanged code passes; one new finding fails naming only it; a fixed one is reported', async () => {
    const dir = copyFixture('corpus');
    const written = await lint(['src'], { cwd: dir, writeBaseline: 'baseline.json' });
    expect(written.status).toBe(0);
    expect(written.stderr).toMatch(/wrote \d+ finding\(s\) to the baseline baseline\.json/);
    const baseline = JSON.parse(readFileSync(join(dir, 'baseline.json'), 'utf8'));
    expect(baseline).toMatchObject({ version: 1, tool: 'syscalltbl' });
    expect(
      baseline.findings.every((f: { fingerprint: string }) => /^[0-9a-f]{32}$/.test(f.fingerprint)),
    ).toBe(true);

    // Unchanged code, even with lines inserted above every finding.
    insertAbove(join(dir, 'src', 'hook_open.c'), 1, [
      '/* a new licence header */',
      '',
      '#include <linux/init.h>',
    ]);
    const same = await lint(['src'], { cwd: dir, baseline: 'baseline.json' });
    expect(same.status).toBe(0);
    expect(same.stdout).toContain(
      `No problems in 4 files; 2 suppressed, ${baseline.findings.length - 2} in the baseline.`,
    );

    // One new finding.
    insertAbove(join(dir, 'src', 'hook_open.c'), 18, [
      '\tsys_call_table[__NR_kill] = (unsigned long *)my_kill;',
    ]);
    const added = await lint(['src'], { cwd: dir, baseline: 'baseline.json' });
    expect(added.status).toBe(1);
    const reported = added.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ {2}/.test(l));
    expect(reported).toEqual([
      'src/hook_open.c:18:2  error  table-write  Writes slot __NR_kill of sys_call_table.',
    ]);
    const sarif = sarifResults(
      (await lint(['src'], { cwd: dir, baseline: 'baseline.json', format: 'sarif' })).stdout,
    );
    expect(
      sarif
        .filter((r) => r.baselineState === 'new')
        .map((r) => r.locations[0]?.physicalLocation.region.startLine),
    ).toEqual([18]);
    expect(sarif.filter((r) => r.baselineState === 'unchanged')).toHaveLength(
      baseline.findings.length,
    );
    expect(sarif).toHaveLength(baseline.findings.length + 1);

    // A fixed finding: remove the lookup line.
    const hook = join(dir, 'src', 'hook_open.c');
    writeFileSync(hook, readFileSync(hook, 'utf8').replace(/.*kallsyms_lookup_name.*\n/, ''));
    const fixed = await lint(['src'], { cwd: dir, baseline: 'baseline.json', format: 'json' });
    const doc = JSON.parse(fixed.stdout);
    expect(doc.fixed).toEqual([
      {
        fingerprint: expect.any(String),
        ruleId: 'table-lookup',
        file: 'src/hook_open.c',
        message: 'Looks up sys_call_table by name.',
      },
    ]);
    expect(doc.summary).toMatchObject({ fixed: 1, errors: 1 });
  });

  it('keeps a finding fingerprint when lines are inserted above it', async () => {
    const dir = copyFixture('corpus');
    const before = sarifResults(
      (await lint(['src/hook_open.c'], { cwd: dir, format: 'sarif' })).stdout,
    );
    insertAbove(join(dir, 'src', 'hook_open.c'), 10, [
      '\tint unrelated = 0;',
      '\tpr_info("loading\\n");',
      '',
    ]);
    const after = sarifResults(
      (await lint(['src/hook_open.c'], { cwd: dir, format: 'sarif' })).stdout,
    );
    expect(after.map((r) => r.locations[0]?.physicalLocation.region.startLine)).toEqual(
      before.map((r) => (r.locations[0]?.physicalLocation.region.startLine ?? 0) + 3),
    );
    expect(after.map((r) => r.partialFingerprints)).toEqual(
      before.map((r) => r.partialFingerprints),
    );
  });

  it('rejects a baseline that is not one, with exit 2', async () => {
    const dir = copyFixture('corpus');
    writeFileSync(
      join(dir, 'broken.json'),
      '{"version": 1, "findings": [\n  {"fingerprint": 12}\n]}\n',
    );
    writeFileSync(join(dir, 'notjson.json'), '{"version": 1,\n  findings: []}\n');
    const broken = await lint(['src'], { cwd: dir, baseline: 'broken.json' });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(
      'broken.json: error[baseline-invalid]: /findings/0 must have required property',
    );
    const notJson = await lint(['src'], { cwd: dir, baseline: 'notjson.json' });
    expect(notJson.stderr).toMatch(
      /^notjson\.json:2:3: error\[baseline-invalid\]: the baseline is not valid JSON/,
    );
    const missing = await lint(['src'], { cwd: dir, baseline: 'none.json' });
    expect(missing.stderr).toContain(
      'none.json: error[baseline-unreadable]: cannot read the baseline: ENOENT',
    );
  });
});

describe('suppressions', () => {
  it('suppresses with a reason, rejects one without, and reports unused ones on request', async () => {
    const run = await lint(['src/suppressed.c', 'src/bad_suppression.c'], {
      cwd: corpus,
      format: 'json',
      reportUnusedSuppressions: true,
    });
    const doc = JSON.parse(run.stdout);
    const byLine = (file: string) =>
      doc.findings
        .filter((f: { file: string }) => f.file === file)
        .map((f: { line: number; ruleId: string; suppression: unknown }) => [
          f.line,
          f.ruleId,
          f.suppression !== null,
        ]);
    expect(byLine('src/suppressed.c')).toEqual([
      [9, 'table-write', true],
      [10, 'table-write', true],
    ]);
    // The reasonless suppression on line 4 suppresses nothing and is itself an error.
    expect(byLine('src/bad_suppression.c')).toEqual([
      [4, 'invalid-suppression', false],
      [5, 'table-write', false],
      [6, 'invalid-suppression', false],
      [7, 'table-write', false],
      [8, 'invalid-suppression', false],
      [9, 'table-write', false],
    ]);
    expect(doc.unusedSuppressions).toEqual([
      {
        file: 'src/suppressed.c',
        line: 11,
        column: 2,
        ruleId: 'wp-disable',
        message: 'Unused suppression of wp-disable: it suppresses nothing.',
      },
    ]);
    expect(run.status).toBe(1);
  });

  it('passes when everything is suppressed, and counts unused suppressions as warnings', async () => {
    const run = await lint(['src/suppressed.c'], { cwd: corpus });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('No problems in 1 file; 2 suppressed.\n');
    const strict = await lint(['src/suppressed.c'], {
      cwd: corpus,
      reportUnusedSuppressions: true,
      maxWarnings: '0',
    });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(
      'src/suppressed.c:11:2  warning  unused-suppression  Unused suppression of wp-disable: it suppresses nothing.',
    );
  });
});

describe('config in a project', () => {
  it('uses the config found upward: excludes, overrides, severities, paths shown from the cwd', async () => {
    const project = join(fixtures, 'project');
    const run = await lint(['.'], { cwd: join(project, 'drivers'), format: 'json' });
    const doc = JSON.parse(run.stdout);
    expect(
      doc.findings.map(
        (f: { file: string; line: number; ruleId: string; severity: string }) =>
          `${f.file}:${f.ruleId}:${f.severity}`,
      ),
    ).toEqual([
      'hook/legacy.c:table-write:warning',
      'hook/new.c:table-write:error',
      'hook/new.c:wp-disable:error',
    ]);
    const again = await lint(['.'], { cwd: project, format: 'json' });
    expect(JSON.parse(again.stdout).findings.map((f: { file: string }) => f.file)).toEqual([
      'drivers/hook/legacy.c',
      'drivers/hook/new.c',
      'drivers/hook/new.c',
    ]);
  });

  it('applies --preset', async () => {
    const run = await lint(['src/hook_open.c'], {
      cwd: corpus,
      preset: 'test-tree',
      format: 'json',
    });
    const doc = JSON.parse(run.stdout);
    expect(
      doc.findings.map((f: { ruleId: string; severity: string }) => `${f.ruleId}:${f.severity}`),
    ).toEqual(['table-lookup:warning', 'table-write:error']);
  });
});

describe('output', () => {
  it('colours text on a terminal unless NO_COLOR is set, and never colours machine formats', async () => {
    expect((await lint(['src/hook_open.c'], { cwd: corpus, tty: true })).stdout).toContain(
      '\u001b[',
    );
    expect(
      (await lint(['src/hook_open.c'], { cwd: corpus, tty: true, env: { NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
    expect(
      (await lint(['src/hook_open.c'], { cwd: corpus, tty: true, format: 'sarif' })).stdout,
    ).not.toContain('\u001b[');
  });

  it('shows progress on a terminal only, never in CI', async () => {
    const tty = await lint(['src'], { cwd: corpus, tty: true, progress: true, format: 'json' });
    expect(tty.stderr).toContain('linting 4/4 files (100%)');
    expect(
      (await lint(['src'], { cwd: corpus, tty: true, progress: true, env: { CI: 'true' } })).stderr,
    ).toBe('');
    expect((await lint(['src'], { cwd: corpus, tty: false, progress: true })).stderr).toBe('');
  });
});

describe('the engine call', () => {
  // The engine calls fileFilter once per walked file (60,000 on a kernel tree): it is passed
  // only when the config has globs, and the paths it sees are the lint root's.
  async function engineOptions(cwd: string, config?: string) {
    let seen: Parameters<LintDeps['lintPaths']>[1] | undefined;
    const engine = fakeLintPaths(cwd);
    await lintWith({ format: 'json', rule: [], ...(config ? { config } : {}) }, ['src'], {
      lintPaths: (paths, options) => {
        seen = options;
        return engine(paths, options);
      },
      rules: fakeRules,
      defaultRuleLevels: fakeDefaultRuleLevels,
      lintRoot: () => cwd,
      tableNames: async () => ['sys_call_table'],
      cwd,
      env: {},
      stdout: { write: async () => {} },
      stderr: { write: () => {} },
    });
    return seen;
  }

  it('passes no file filter without include or exclude globs', async () => {
    const options = await engineOptions(corpus);
    expect(options?.fileFilter).toBeUndefined();
  });

  it('passes one that applies the globs when the config has them', async () => {
    const dir = copyFixture('corpus');
    writeFileSync(join(dir, '.syscalltbl.yaml'), "exclude: ['src/hook_*.c']\n");
    const filter = (await engineOptions(dir))?.fileFilter;
    expect(filter?.('src/hook_open.c')).toBe(false);
    expect(filter?.('src/other.c')).toBe(true);
  });
});

// The built CLI with the real engine: SARIF of the fixture corpora against the official schema,
// a large log through a pipe, config errors, and the baseline cycle a CI user goes through.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, repoRoot, runCli } from '../helpers/run-cli.js';
import { makeProject } from './helpers/project.js';
import { sarifValidator } from './helpers/sarif-schema.js';

const built = existsSync(cliPath);
const corpora = [
  join(repoRoot, 'test', 'fixtures', 'lint-ci', 'corpus'),
  join(repoRoot, 'test', 'fixtures', 'lint'),
].filter(existsSync);

describe.skipIf(!built)('syscalltbl lint, built (needs npm run build)', () => {
  const validate = sarifValidator();

  it.each(corpora)('writes valid SARIF 2.1.0 for the fixture corpus %s', (dir) => {
    const run = runCli(['lint', '--format', 'sarif', '.'], { cwd: dir });
    expect([0, 1], run.stderr).toContain(run.status);
    const log = JSON.parse(run.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
    const rules = log.runs[0].tool.driver.rules as Array<{ id: string; helpUri: string }>;
    expect(rules.length).toBeGreaterThan(2);
    for (const r of rules) expect(r.helpUri).toMatch(/^https:\/\//);
  });

  it("names the written syscall's stub in the fix hint, from the bundled spec or --spec", () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-fix-'));
    writeFileSync(
      join(dir, 'streams.c'),
      [
        'extern void *sys_call_table[];',
        'int init_module(void)',
        '{',
        '\tsys_call_table[__NR_getpmsg] = (void *)my_getpmsg;',
        '\tsys_call_table[__NR_getdents] = (void *)my_getdents;',
        '\treturn 0;',
        '}',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(runCli(['lint', '--format', 'json', 'streams.c'], { cwd: dir }).stdout);
    const fixOf = (line: number) =>
      json.findings.find(
        (f: { line: number; ruleId: string }) => f.line === line && f.ruleId === 'table-write',
      )?.fix;
    expect(fixOf(4)).toMatch(
      /^getpmsg is a module stub in the bundled spec: .*syscalltbl_register_getpmsg\(\)/,
    );
    expect(fixOf(5)).toMatch(/^getdents is implemented by the kernel \(sys_getdents\)/);
    // The declaration finding keeps its rule's general hint.
    expect(json.findings.find((f: { line: number }) => f.line === 1).fix).toBeNull();

    copyFileSync(join(repoRoot, 'syscalls.yaml'), join(dir, 'my-spec.yaml'));
    const text = runCli(['lint', 'streams.c', '--spec', 'my-spec.yaml'], { cwd: dir });
    expect(text.stdout).toContain('= fix: getpmsg is a module stub in my-spec.yaml: ');

    const sarif = JSON.parse(
      runCli(['lint', '--format', 'sarif', 'streams.c'], { cwd: dir }).stdout,
    );
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const results = sarif.runs[0].results as Array<{ properties?: { fix: string } }>;
    expect(results.filter((r) => r.properties?.fix).length).toBe(2);

    const broken = runCli(['lint', 'streams.c', '--spec', 'missing.yaml'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('missing.yaml: error[file-not-found]');
  });

  it('finds the techniques in the CI corpus and exits 1', () => {
    const run = runCli(['lint', '--format', 'json', 'src/hook_open.c'], { cwd: corpora[0] });
    expect(run.status, run.stderr).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.summary.errors).toBeGreaterThan(0);
    expect(new Set(doc.findings.map((f: { line: number }) => f.line))).toContain(14);
  });

  it("applies the engine's suppression comments: reasons kept, reasonless ones rejected", () => {
    const run = runCli(['lint', '--format', 'json', '--report-unused-suppressions', 'src'], {
      cwd: corpora[0],
    });
    const doc = JSON.parse(run.stdout);
    const suppressed = doc.findings.filter((f: { suppression: unknown }) => f.suppression !== null);
    expect(
      suppressed.map(
        (f: { file: string; line: number; ruleId: string }) => `${f.file}:${f.line}:${f.ruleId}`,
      ),
    ).toEqual(['src/suppressed.c:9:table-write', 'src/suppressed.c:10:table-write']);
    const invalid = doc.findings.filter(
      (f: { ruleId: string }) => f.ruleId === 'invalid-suppression',
    );
    expect(
      invalid.map((f: { line: number; messageId: string }) => `${f.line}:${f.messageId}`),
    ).toEqual(['4:noReason', '6:unknownRule', '8:unknownDirective']);
    expect(
      doc.unusedSuppressions.map((u: { line: number; ruleId: string }) => `${u.line}:${u.ruleId}`),
    ).toEqual(['11:wp-disable']);
  });

  it('passes built-in, architecture and config table names to the engine', () => {
    const { dir } = makeProject();
    const src =
      'void f(void)\n{\n\tia32_sys_call_table[1] = a;\n\tsys32_call_table[2] = b;\n\tmy_table[3] = c;\n}\n';
    writeFileSync(join(dir, 'names.c'), src);
    const lines = (args: string[]) => {
      const doc = JSON.parse(
        runCli(['lint', '--format', 'json', ...args, 'names.c'], { cwd: dir }).stdout,
      );
      return [...new Set(doc.findings.map((f: { line: number }) => f.line))];
    };
    // ia32_sys_call_table is built in; sys32_call_table comes from arch/mips.yaml.
    expect(lines([])).toEqual([3, 4]);
    writeFileSync(join(dir, '.syscalltbl.yaml'), 'tableNames: [my_table]\n');
    expect(lines([])).toEqual([3, 4, 5]);
  });

  it('writes a multi-megabyte SARIF log through a pipe without losing the end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-big-'));
    const body = Array.from(
      { length: 4000 },
      (_, i) => `\tsys_call_table[${i}] = (unsigned long *)hook_${i};`,
    ).join('\n');
    writeFileSync(
      join(dir, 'big.c'),
      `extern unsigned long *sys_call_table[];\nvoid f(void)\n{\n${body}\n}\n`,
    );
    const run = runCli(['lint', '--format', 'sarif', 'big.c'], { cwd: dir });
    expect(run.stdout.length).toBeGreaterThan(1_000_000);
    const log = JSON.parse(run.stdout);
    expect(log.runs[0].results.length).toBeGreaterThanOrEqual(4000);
  });

  it('reports a config error as file:line:col with exit 2 and nothing on stdout', () => {
    const { dir } = makeProject();
    writeFileSync(
      join(dir, '.syscalltbl.yaml'),
      "rules:\n  table-write: error\nexclude: 'vendor/**'\n",
    );
    const run = runCli(['lint', '--format', 'sarif'], { cwd: join(dir, 'src') });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      '.syscalltbl.yaml:3:10: error[config-type]: `exclude` must be a list',
    );
    expect(run.stderr).toContain("  3 | exclude: 'vendor/**'");
  });

  it('fails only on a new finding against a baseline, and reports a fixed one', () => {
    const { dir } = makeProject();
    expect(runCli(['lint', 'src', '--write-baseline', 'baseline.json'], { cwd: dir }).status).toBe(
      0,
    );
    const hook = join(dir, 'src', 'hook_open.c');
    const original = readFileSync(hook, 'utf8');
    writeFileSync(hook, `/* header */\n\n${original}`);
    const same = runCli(['lint', 'src', '--baseline', 'baseline.json'], { cwd: dir });
    expect(same.status, same.stderr).toBe(0);

    writeFileSync(
      hook,
      original.replace(
        '\treturn 0;',
        '\tsys_call_table[__NR_kill] = (unsigned long *)my_kill;\n\treturn 0;',
      ),
    );
    const added = runCli(['lint', 'src', '--baseline', 'baseline.json', '--format', 'json'], {
      cwd: dir,
    });
    expect(added.status, added.stderr).toBe(1);
    const doc = JSON.parse(added.stdout);
    const fresh = doc.findings.filter(
      (f: { baselineState: string; suppression: unknown }) =>
        f.baselineState === 'new' && f.suppression === null,
    );
    expect(fresh.map((f: { sourceLine: string }) => f.sourceLine.trim())).toEqual(
      fresh.map(() => 'sys_call_table[__NR_kill] = (unsigned long *)my_kill;'),
    );
    expect(fresh.length).toBeGreaterThan(0);

    writeFileSync(hook, original.replace(/^.*kallsyms_lookup_name.*\n/m, ''));
    const fixed = JSON.parse(
      runCli(['lint', 'src', '--baseline', 'baseline.json', '--format', 'json'], { cwd: dir })
        .stdout,
    );
    expect(fixed.fixed.length).toBeGreaterThan(0);
    expect(fixed.fixed.every((f: { file: string }) => f.file === 'src/hook_open.c')).toBe(true);
  });
});

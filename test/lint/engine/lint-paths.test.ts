import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRuleLevels, lintPaths } from '../../../src/lint/engine/lint-paths.js';
import { renderMessage } from '../../../src/lint/engine/render-message.js';

const WRITE = 'void f(void) { sys_call_table[__NR_read] = h; }\n';
const run = (paths: string[], extra: Partial<Parameters<typeof lintPaths>[1]> = {}) =>
  lintPaths(paths, {
    tableNames: ['sys_call_table'],
    ruleLevelsFor: () => ({}),
    jobs: 1,
    ...extra,
  });

describe('lintPaths', () => {
  it('walks directories, skips *.mod.c, and honours .gitignore inside a git work tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    execFileSync('git', ['init', '-q', dir]);
    writeFileSync(join(dir, '.gitignore'), 'vendor/\n');
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'vendor', 'x.c'), WRITE);
    writeFileSync(join(dir, 'hook.mod.c'), WRITE);
    writeFileSync(join(dir, 'b.c'), WRITE);
    writeFileSync(join(dir, 'a.c'), WRITE);
    const r = await run([dir]);
    expect([...new Set(r.findings.map((f) => f.file))]).toEqual(['a.c', 'b.c']);
    expect(r.root).toBe(dir);
  });

  it('reports binary files, symlink loops and missing paths as skipped, never throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'bin.c'), Buffer.from('sys_call_table\0\0\x01'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const r = await run([dir, join(dir, 'missing.c')]);
    const reasons = r.skipped.map((s) => s.reason);
    expect(reasons.some((s) => s.startsWith('binary'))).toBe(true);
    expect(reasons.some((s) => s.startsWith('symlink'))).toBe(true);
    expect(reasons).toContain('no such file or directory');
  });

  it('applies per-file rule levels: off drops findings, warn makes warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'a.c'), WRITE);
    const r = await run([dir], {
      ruleLevelsFor: () => ({ 'table-reference': 'off', 'table-write': 'warn' }),
    });
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['table-write', 'warning']]);
    expect(r.findings[0]?.fingerprint).toBe('');
  });

  it('lints non-UTF-8 (Latin-1) files and keeps suppression comments as directives', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(
      join(dir, 'a.c'),
      Buffer.concat([
        Buffer.from(
          '/* Jos\xe9 */ /* syscalltbl-lint-disable-next-line table-write -- test */\n',
          'latin1',
        ),
        Buffer.from(WRITE),
      ]),
    );
    const r = await run([dir]);
    expect(r.findings.map((f) => [f.line, f.column])).toContainEqual([2, 16]);
    expect(r.directives['a.c']?.[0]?.line).toBe(1);
  });

  it('knows every rule and fills message templates', () => {
    expect(Object.keys(defaultRuleLevels())).toContain('table-write');
    expect(renderMessage('`{{name}}` and {{missing}}', { name: 'x' })).toBe('`x` and {{missing}}');
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('skips named pipes and devices, walked or named, without blocking on them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    execFileSync('mkfifo', [join(dir, 'pipe.c')]);
    symlinkSync(join(dir, 'pipe.c'), join(dir, 'link.c'));
    writeFileSync(join(dir, 'a.c'), WRITE);
    const walked = await run([dir]);
    expect(walked.findings.map((f) => f.file)).toEqual(['a.c']);
    expect(walked.skipped).toEqual([
      { file: 'link.c', reason: 'a named pipe' },
      { file: 'pipe.c', reason: 'a named pipe' },
    ]);
    const named = await run([join(dir, 'pipe.c'), '/dev/zero']);
    expect(named.skipped.map((s) => s.reason).sort()).toEqual([
      'a character device',
      'a named pipe',
    ]);
  });

  it('lints absurdly nested expressions without exhausting the stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    const depth = 200_000;
    writeFileSync(
      join(dir, 'nest.c'),
      `void *p = ${'('.repeat(depth)}sys_call_table${')'.repeat(depth)};\n${WRITE}`,
    );
    const r = await run([dir]);
    expect(r.skipped).toEqual([]);
    expect(r.findings.map((f) => `${f.line} ${f.ruleId}`)).toEqual(
      expect.arrayContaining(['1 table-reference', '2 table-write']),
    );
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

  it('reports a table name where the more specific rule is off', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'a.c'), WRITE);
    const both = await run([dir]);
    expect(both.findings.map((f) => [f.ruleId, f.column])).toEqual([['table-write', 16]]);
    const off = await run([dir], { ruleLevelsFor: () => ({ 'table-write': 'off' }) });
    expect(off.findings.map((f) => [f.ruleId, f.messageId, f.column])).toEqual([
      ['table-reference', 'use', 16],
    ]);
  });

  it('skips files over the size limit and finds words across read chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-'));
    writeFileSync(join(dir, 'big.c'), `${'/* padding */\n'.repeat(100)}${WRITE}`);
    const skipped = await run([dir], { maxFileBytes: 1000 });
    expect(skipped.skipped).toEqual([{ file: 'big.c', reason: 'too large (over 0 MiB)' }]);
    // The only trigger word, the table name, straddles the 1 MiB read chunk (multi-search CHUNK).
    const code = 'void f(void) { sys_call_table[3] = h; }\n';
    const pad = 'x'.repeat((1 << 20) - 'void f(void) { sys_call'.length - 5);
    writeFileSync(join(dir, 'big.c'), `/*${pad}*/\n${code}`);
    const found = await run([dir]);
    expect(found.findings.map((f) => [f.ruleId, f.line])).toEqual([['table-write', 2]]);
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

// The worker threads need the compiled engine (dist/, built by `npm test`); vitest runs the
// TypeScript sources in-process. Enough files to start the pool (over 256).
const dist = join(import.meta.dirname, '..', '..', '..', 'dist', 'lint', 'engine', 'lint-paths.js');
describe('lintPaths over worker threads', () => {
  it.skipIf(!existsSync(dist))(
    'gives what the in-process run gives (needs a build: npx tsc -p tsconfig.build.json)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lint-pool-'));
      for (let i = 0; i < 600; i++) {
        const body =
          i % 97 === 5
            ? WRITE
            : i % 131 === 7
              ? `int f${i}(void) { return __NR_read + ${i}; }\n`
              : `int f${i}(void) { return ${i}; }\n`;
        writeFileSync(join(dir, `f${String(i).padStart(3, '0')}.c`), body);
      }
      // A table alias declared in one file, written in another (first, from the back, and last).
      writeFileSync(join(dir, 'a_alias.h'), 'extern void **g_tbl;\n');
      writeFileSync(
        join(dir, 'zz_main.c'),
        'void **g_tbl;\nvoid init(void) { g_tbl = (void **)kallsyms_lookup_name("sys_call_table"); }\n',
      );
      writeFileSync(join(dir, 'b_write.c'), 'void hook(void) { g_tbl[__NR_read] = h; }\n');
      writeFileSync(join(dir, 'bin.c'), Buffer.from('sys_call_table\0\0'));
      // A lookup helper in a file the gate leaves out of the first pass, used by a later file.
      writeFileSync(
        join(dir, 'a_lookup.c'),
        'unsigned long find(const char *n) { return kallsyms_lookup_name(n); }\n',
      );
      writeFileSync(
        join(dir, 'zz_use.c'),
        'void f(void) { void **t = (void **)find("sys_call_table"); t[__NR_kill] = h; }\n',
      );
      type Engine = typeof import('../../../src/lint/engine/lint-paths.js');
      const pooled = (await import(dist)) as Engine;
      const options = { tableNames: ['sys_call_table'], ruleLevelsFor: () => ({}) };
      const inWorkers = await pooled.lintPaths([dir], { ...options, jobs: 2 });
      const inProcess = await lintPaths([dir], { ...options, jobs: 1 });
      expect(inWorkers).toEqual(inProcess);
      // Three threads: the main thread and a worker take batches from the front, a worker from
      // the back.
      expect(await pooled.lintPaths([dir], { ...options, jobs: 3 })).toEqual(inProcess);
      const found = inWorkers.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`);
      expect(found).toContain('b_write.c:1 table-write');
      expect(found).toContain('zz_use.c:1 table-lookup');
      expect(inWorkers.skipped.map((s) => s.file)).toEqual(['bin.c']);
    },
    60_000,
  );
});

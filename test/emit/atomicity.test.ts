// Build-time behaviour: an error part-way writes nothing at all (not even folders), unchanged
// files keep their mtime, and --check writes nothing and reports stale and missing files as a
// unified diff with exit 1 (0 when all are current).
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledTemplatesDir } from '../../src/common/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { mtimes, readTree, tempDir } from './helpers/tree.js';

const ARCHES = 'x86,s390';

function generate(out: string, ...extra: string[]) {
  return runCli(['generate', '--arch', ARCHES, '--out', out, ...extra]);
}

describe('an error part-way leaves nothing written', () => {
  it('a target that is a directory: no file, no folder appears', () => {
    const out = join(tempDir(), 'out');
    // The last file in path order: every other one would be staged before it.
    const blocker = join(out, 'arch/x86/include/generated/uapi/asm/unistd_x32.h');
    mkdirSync(blocker, { recursive: true });
    const before = readTree(out);
    const run = generate(out);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('write-failed');
    expect(run.stderr).toContain('unistd_x32.h');
    expect(run.stderr).toContain('nothing was written');
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(join(out, 'arch'))).toEqual(['x86']);
  });

  it('a folder that cannot be created (a file in its place): nothing else is written', () => {
    const out = join(tempDir(), 'out');
    mkdirSync(join(out, 'arch/x86/include/generated'), { recursive: true });
    // Every x86 uapi header needs this folder; asm/ and the other arches sort around it.
    writeFileSync(join(out, 'arch/x86/include/generated/uapi'), 'not a folder\n');
    const run = generate(out);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('write-failed');
    expect([...readTree(out).keys()]).toEqual(['arch/x86/include/generated/uapi']);
    expect(readdirSync(join(out, 'arch'))).toEqual(['x86']);
    expect(readdirSync(join(out, 'arch/x86/include/generated'))).toEqual(['uapi']);
    // No temporaries left behind either.
    expect(readdirSync(join(out, 'arch/x86'))).toEqual(['include']);
  });

  it('a broken template: exit 2 naming the template, nothing written', () => {
    const root = tempDir();
    const templates = join(root, 'templates');
    mkdirSync(templates);
    // Overrides the bundled one; strict mode makes a misspelt field an error.
    writeFileSync(join(templates, 's390-unistd-nr.hbs'), '#define NR_syscalls {{cuont}}\n');
    const out = join(root, 'out');
    const run = generate(out, '--templates', templates);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('template-error');
    expect(run.stderr).toContain('s390-unistd-nr.hbs');
    expect(run.stderr).toContain(
      's390-unistd-nr.hbs:1:23: error[template-error]: template failed: "cuont" is not a field of the view here',
    );
    expect(readdirSync(root)).toEqual(['templates']);
  });

  it('a template that does not parse: exit 2, nothing written', () => {
    const root = tempDir();
    const templates = join(root, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'syscalltbl.hbs'), '{{#each slots}}\n');
    const run = generate(join(root, 'out'), '--templates', templates);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('syscalltbl.hbs');
    expect(readdirSync(root)).toEqual(['templates']);
  });

  it('the bundled templates are untouched by overrides', () => {
    expect(statSync(join(bundledTemplatesDir, 's390-unistd-nr.hbs')).isFile()).toBe(true);
  });
});

describe('only changed files are written', () => {
  it('a second run writes nothing and keeps every mtime', () => {
    const out = join(tempDir(), 'out');
    expect(generate(out).status).toBe(0);
    for (const path of mtimes(out).keys()) utimesSync(join(out, path), 1_000_000, 1_000_000);
    const before = mtimes(out);
    const run = generate(out);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/wrote 0 files .*\(\d+ unchanged\)/);
    expect(mtimes(out)).toEqual(before);
  });

  it('after a hand edit, only that file is rewritten', () => {
    const out = join(tempDir(), 'out');
    expect(generate(out).status).toBe(0);
    const edited = 'arch/s390/include/generated/asm/unistd_nr.h';
    writeFileSync(join(out, edited), 'edited by hand\n');
    for (const path of mtimes(out).keys()) utimesSync(join(out, path), 1_000_000, 1_000_000);
    const run = generate(out);
    expect(run.stderr).toMatch(/wrote 1 file under/);
    const changed = [...mtimes(out)].filter(([, t]) => t !== 1_000_000_000).map(([p]) => p);
    expect(changed).toEqual([edited]);
  });
});

describe('--check', () => {
  const out = join(tempDir(), 'out');

  it('exits 1 with a diff for every missing file, and writes nothing', () => {
    const run = generate(out, '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('--- /dev/null\n+++ ');
    expect(run.stdout).toContain(`+++ ${out}/arch/s390/include/generated/asm/unistd_nr.h`);
    expect(run.stderr).toMatch(/0 stale files and \d+ missing files/);
    expect(() => readdirSync(out)).toThrow();
  });

  it('exits 0 when every file is current', () => {
    expect(generate(out).status).toBe(0);
    const run = generate(out, '--check');
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });

  it('exits 1 with a unified diff of a stale file, and leaves it as it is', () => {
    const path = join(out, 'arch/s390/include/generated/asm/unistd_nr.h');
    writeFileSync(
      path,
      '/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */\n#ifndef __ASM_S390_SYSCALLS_NR\n#define __ASM_S390_SYSCALLS_NR\n\n#define NR_syscalls 500\n\n#endif /* __ASM_S390_SYSCALLS_NR */\n',
    );
    const run = generate(out, '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        `--- ${out}/arch/s390/include/generated/asm/unistd_nr.h`,
        `+++ ${out}/arch/s390/include/generated/asm/unistd_nr.h`,
        '@@ -1,7 +1,7 @@',
        ' /* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */',
        ' #ifndef __ASM_S390_SYSCALLS_NR',
        ' #define __ASM_S390_SYSCALLS_NR',
        ' ',
        '-#define NR_syscalls 500',
        '+#define NR_syscalls 463',
        ' ',
        ' #endif /* __ASM_S390_SYSCALLS_NR */',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toMatch(/1 stale file and 0 missing files/);
    expect(readTree(out).get('arch/s390/include/generated/asm/unistd_nr.h')?.toString()).toContain(
      'NR_syscalls 500',
    );
  });

  it('reports a deleted file as missing', () => {
    rmSync(join(out, 'arch/x86/entry/syscalls/syscall_32.tbl'));
    const run = generate(out, '--check');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `--- /dev/null\n+++ ${out}/arch/x86/entry/syscalls/syscall_32.tbl`,
    );
  });
});

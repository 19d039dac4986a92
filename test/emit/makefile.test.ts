// The Makefile rule documented in docs/build-integration.md, run as written: the first `make`
// generates, a second does nothing (no file's mtime moves), touching the spec reruns the
// generator without rewriting any header, and changing one number rewrites only what shows it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, repoRoot } from '../helpers/run-cli.js';
import { mtimes, tempDir } from './helpers/tree.js';

const haveMake = spawnSync('make', ['--version']).status === 0;

/** The make fragment between the markers in docs/build-integration.md. */
function documentedRule(): string {
  const doc = readFileSync(join(repoRoot, 'docs', 'build-integration.md'), 'utf8');
  const m = /<!-- makefile-rule:begin -->\n```make\n([\s\S]*?)```\n<!-- makefile-rule:end -->/.exec(
    doc,
  );
  if (!m?.[1]) throw new Error('no makefile-rule block in docs/build-integration.md');
  return m[1];
}

describe.skipIf(!haveMake)(
  `the documented Makefile rule${haveMake ? '' : ' (SKIPPED: no make)'}`,
  () => {
    const dir = tempDir();
    const out = join(dir, 'generated');
    const stamp = join(out, '.syscalltbl.stamp');
    const make = () => {
      const run = spawnSync(
        'make',
        [
          '--no-print-directory',
          `SYSCALLTBL=${process.execPath} ${cliPath}`,
          'SYSCALLTBL_ARCH=x86,s390',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.status).toBe(0);
      return run.stdout;
    };
    /**
     * Moves every generated file (not the stamp, which make compares with the spec) into the
     * past, so a rewrite would show even on a coarse clock.
     */
    const age = () => {
      for (const path of mtimes(out).keys())
        if (path !== '.syscalltbl.stamp') utimesSync(join(out, path), 1_000_000, 1_000_000);
    };

    beforeAll(() => {
      writeFileSync(join(dir, 'Makefile'), documentedRule());
      copyFileSync(join(repoRoot, 'syscalls.yaml'), join(dir, 'syscalls.yaml'));
    });

    it('the first make generates the tables', () => {
      expect(make()).toContain('generate --spec syscalls.yaml --arch x86,s390 --out generated');
      expect(statSync(join(out, 'arch/x86/include/generated/asm/syscalls_64.h')).isFile()).toBe(
        true,
      );
      expect(statSync(stamp).isFile()).toBe(true);
    });

    it('a second make does nothing', () => {
      age();
      const before = mtimes(out);
      expect(make()).toMatch(/Nothing to be done for 'syscall-tables'/);
      expect(mtimes(out)).toEqual(before);
    });

    it('touching the spec reruns the generator, which rewrites nothing', () => {
      age();
      const before = mtimes(out);
      utimesSync(join(dir, 'syscalls.yaml'), new Date(), new Date());
      expect(make()).toContain('generate --spec');
      const after = mtimes(out);
      for (const [path, mtime] of before)
        if (path !== '.syscalltbl.stamp') expect(after.get(path), path).toBe(mtime);
      expect(after.get('.syscalltbl.stamp')).toBeGreaterThan(before.get('.syscalltbl.stamp') ?? 0);
      expect(make()).toMatch(/Nothing to be done/);
    });

    it('changing one number rewrites only the files that show it', () => {
      age();
      const before = mtimes(out);
      const spec = join(dir, 'syscalls.yaml');
      const text = readFileSync(spec, 'utf8');
      const line = '      x86/64: {common: 462}\n';
      const at = text.indexOf(line, text.indexOf('\n  mseal:\n'));
      expect(at).toBeGreaterThan(0);
      writeFileSync(
        spec,
        `${text.slice(0, at)}${line.replace('462', '463')}${text.slice(at + line.length)}`,
      );
      make();
      const after = mtimes(out);
      const rewritten = [...after.keys()].filter((p) => after.get(p) !== before.get(p)).sort();
      expect(rewritten).toEqual([
        '.syscalltbl.stamp',
        'arch/x86/entry/syscalls/syscall_64.tbl',
        'arch/x86/include/generated/asm/syscalls_64.h',
        'arch/x86/include/generated/asm/syscalls_x32.h',
        'arch/x86/include/generated/uapi/asm/unistd_64.h',
        'arch/x86/include/generated/uapi/asm/unistd_x32.h',
      ]);
    });
  },
);

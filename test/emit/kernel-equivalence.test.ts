// The .tbl files we write are real kernel tables: the kernel's own scripts, run on them exactly
// as MANIFEST.md says, produce the 60 reference headers, and the same bytes we generate.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeGuard } from '../../src/emit/helpers.js';
import { loadSpec } from '../../src/spec/load.js';
import { referenceExpected, referenceTbl } from '../helpers/reference.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';
import {
  generatedPath,
  installScripts,
  kernelScriptsMissing,
  manifest,
  runKernelScripts,
} from './helpers/kernel-scripts.js';
import { readTree, tempDir } from './helpers/tree.js';

const skip = kernelScriptsMissing();

/** The guard the script derives from the real output name (we ran it with extra.h). */
function guardOf(path: string): string {
  return normalizeGuard(basename(path));
}

describe.skipIf(skip !== undefined)(
  `kernel scripts on our generated .tbl files${skip ? ` (SKIPPED: ${skip})` : ''}`,
  () => {
    const root = tempDir();
    const out = join(root, 'out');
    const tree = join(root, 'linux');
    let ours = new Map<string, Buffer>();
    let theirs = new Map<string, Buffer>();

    beforeAll(() => {
      expect(runCli(['generate', '--out', out]).status).toBe(0);
      ours = readTree(out);
      // Only our tables go into the tree: nothing of the reference tables.
      for (const path of ours.keys())
        if (path.endsWith('.tbl')) cpSync(join(out, path), join(tree, path));
      installScripts(tree);
      theirs = runKernelScripts(tree);
    });

    it('we write every table the reference has, at its kernel path', () => {
      const tables = [...ours.keys()].filter((p) => p.endsWith('.tbl')).sort();
      const reference = [...readTree(referenceTbl).keys()].filter((p) => p.endsWith('.tbl'));
      expect(tables).toEqual(reference.sort());
    });

    // Outputs beyond the reference (arc, csky, hexagon, nios2, openrisc read scripts/syscall.tbl
    // through scripts/Makefile.asm-headers): the command is rebuilt from the descriptor entry.
    it('descriptor outputs outside the manifest equal scripts/syscallhdr.sh / syscalltbl.sh runs', async () => {
      const { arches } = await loadSpec({ cwd: repoRoot });
      const listed = new Set(manifest().map((e) => generatedPath(e)));
      const extra: string[] = [];
      for (const arch of arches.arches)
        for (const o of arch.outputs) {
          const path = `arch/${arch.arch}/include/generated/${o.path}`;
          if (listed.has(path) || o.base === 'root') continue;
          const script = {
            syscallhdr: 'scripts/syscallhdr.sh',
            syscalltbl: 'scripts/syscalltbl.sh',
          }[o.template];
          if (!script) continue;
          const args = [
            ...(o.params.emitNr ? ['--emit-nr'] : []),
            ...(o.params.prefix ? ['--prefix', String(o.params.prefix)] : []),
            ...(o.params.offset ? ['--offset', String(o.params.offset)] : []),
            ...(o.tags ? ['--abis', o.tags.join(',')] : []),
            arches.tables.get(o.table)?.path ?? '',
            join(root, 'extra.h'),
          ];
          const run = spawnSync('sh', [script, ...args], { cwd: tree, encoding: 'utf8' });
          expect(run.status, run.stderr).toBe(0);
          expect(ours.get(path)?.toString('utf8'), path).toBe(
            readFileSync(join(root, 'extra.h'), 'utf8').replace(/EXTRA_H/g, guardOf(o.path)),
          );
          extra.push(path);
        }
      expect(extra.length).toBeGreaterThanOrEqual(10);
    });

    for (const entry of manifest()) {
      const path = generatedPath(entry);
      it(`${path}: kernel script = reference = ours`, () => {
        const kernel = theirs.get(path)?.toString('utf8');
        const reference = readTree(join(referenceExpected, entry.arch))
          .get(entry.path)
          ?.toString('utf8');
        expect(kernel).toBe(reference);
        expect(ours.get(path)?.toString('utf8')).toBe(kernel);
      });
    }
  },
);

if (skip) it.skip(`kernel-script equivalence SKIPPED: ${skip}`, () => {});

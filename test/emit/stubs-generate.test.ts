// `generate --stubs` on x86, arm, powerpc and s390: the stub-enabled tables differ from the
// plain ones only in the stub rows (each placeholder slot of a stub now names its generated
// entry point), pinned by a golden diff per architecture under test/golden/emit/stubs/
// (rewritten only with UPDATE_GOLDEN=1); and the stub C is the stubs stage's rendering.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { structuredPatch } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledTemplatesDir } from '../../src/common/paths.js';
import { applyStubs } from '../../src/emit/apply-stubs.js';
import { loadSpec } from '../../src/spec/load.js';
import { isPlaceholder } from '../../src/spec/model.js';
import { selectRows, tableRows } from '../../src/spec/resolve.js';
import { stubSyscallsFromSpec } from '../../src/stubs/from-spec.js';
import { STUB_FILE_PATHS } from '../../src/stubs/paths.js';
import { renderStubFiles } from '../../src/stubs/render-stubs.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';
import { readTree, tempDir } from './helpers/tree.js';

const ARCHES = ['x86', 'arm', 'powerpc', 's390'];
const GOLDEN = join(repoRoot, 'test', 'golden', 'emit', 'stubs');
const root = tempDir();
let plain = new Map<string, Buffer>();
let stubbed = new Map<string, Buffer>();

beforeAll(() => {
  for (const [dir, extra] of [
    ['plain', []],
    ['stubs', ['--stubs']],
  ] as const) {
    const run = runCli([
      'generate',
      '--arch',
      ARCHES.join(','),
      '--out',
      join(root, dir),
      ...extra,
    ]);
    expect(run.status).toBe(0);
  }
  plain = readTree(join(root, 'plain'));
  stubbed = readTree(join(root, 'stubs'));
});

/** The changes of every file of `arch`, zero context, as a stable text. */
function archDiff(arch: string): string {
  const parts: string[] = [];
  for (const path of [...stubbed.keys()].sort()) {
    if (!path.startsWith(`arch/${arch}/`) && !(arch === 'x86' && path.startsWith('arch/i386/')))
      continue;
    const before = plain.get(path)?.toString('utf8') ?? '';
    const after = stubbed.get(path)?.toString('utf8') ?? '';
    if (before === after) continue;
    const patch = structuredPatch(path, path, before, after, undefined, undefined, { context: 0 });
    parts.push(`=== ${path}`);
    for (const h of patch.hunks)
      parts.push(`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines);
  }
  return `${parts.join('\n')}\n`;
}

describe.each(ARCHES)('%s with --stubs', (arch) => {
  it('matches its golden diff against the plain tables', () => {
    const actual = archDiff(arch);
    const golden = join(GOLDEN, `${arch}.diff`);
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(dirname(golden), { recursive: true });
      writeFileSync(golden, actual);
    }
    expect(actual).toBe(readFileSync(golden, 'utf8'));
  });

  it('changes only stub rows: every changed slot is a stub placeholder now naming its stub', async () => {
    const { spec, arches } = await loadSpec({ cwd: repoRoot });
    const stubs = new Set(spec.syscalls.filter((s) => s.stub).map((s) => s.name));
    const rows = tableRows(spec, arches);
    const descriptor = arches.arches.find((a) => a.arch === arch);
    for (const output of descriptor?.outputs ?? []) {
      const path =
        output.base === 'root' ? output.path : `arch/${arch}/include/generated/${output.path}`;
      const before = (plain.get(path)?.toString('utf8') ?? '').split('\n');
      const after = (stubbed.get(path)?.toString('utf8') ?? '').split('\n');
      expect(after.length, path).toBe(before.length);
      const changed = after.flatMap((line, i) =>
        line === before[i] ? [] : [{ line, was: before[i] }],
      );
      // Which stub rows this output reads: exactly that many lines change.
      const expected = selectRows(rows.get(output.table), output.tags).filter(
        (r) => stubs.has(r.name) && isPlaceholder(r.entry, arches.tables.get(r.table)),
      );
      const dispatches = output.layout === 'dispatch' || output.layout === 'dispatch-merged';
      expect(changed.length, path).toBe(dispatches ? expected.length : 0);
      for (const { line, was } of changed) {
        const name = /sys_([a-z_0-9]+)/.exec(line.replace(/sys_ni_syscall/g, ''))?.[1];
        expect(stubs.has(name ?? ''), `${path}: ${line}`).toBe(true);
        expect(was, path).toMatch(/sys_ni_syscall|sys_nis_syscall|^NI_SYSCALL$/);
      }
    }
  });
});

it('writes the stub C rendered by the stubs stage, at its paths', async () => {
  const { spec, arches, file } = await loadSpec({ cwd: repoRoot });
  const files = renderStubFiles(
    stubSyscallsFromSpec(applyStubs(spec, arches)),
    bundledTemplatesDir,
    file,
  );
  for (const [key, path] of Object.entries(STUB_FILE_PATHS)) {
    expect(stubbed.get(path)?.toString('utf8'), path).toBe(files[key as keyof typeof files]);
    expect(plain.has(path)).toBe(false);
  }
});

it('--stubs --list names the stub C too', () => {
  const run = runCli(['generate', '--stubs', '--arch', 's390', '--list', '--out', 'o']);
  expect(run.stdout.split('\n')).toEqual(
    expect.arrayContaining(Object.values(STUB_FILE_PATHS).map((p) => `o/${p}`)),
  );
});

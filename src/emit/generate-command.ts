// `syscalltbl generate`: spec + descriptors -> every table and header of the selected
// architectures under --out. Plans everything first, checks every path stays inside --out, then
// lists (--list), compares (--check) or writes (all or nothing, only changed files).
import { posix, resolve } from 'node:path';
import { EXIT_FINDINGS, EXIT_OK } from '../common/exit-codes.js';
import { bundledTemplatesDir } from '../common/paths.js';
import { renderDiagnosticsText } from '../common/render-diagnostics.js';
import { loadSpec } from '../spec/load.js';
import { applyStubs } from './apply-stubs.js';
import { type PlannedOutput, planFiles, planTargets } from './plan.js';
import { pathResolver } from './safe-path.js';
import { selectArches } from './select-arches.js';
import { type FileToWrite, writePlanned } from './write.js';

export interface GenerateOptions {
  spec?: string;
  arch?: string;
  out?: string;
  check?: boolean;
  stubs?: boolean;
  list?: boolean;
  archDir?: string;
  templates?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export async function runGenerate(raw: Record<string, unknown>): Promise<number> {
  const options = raw as GenerateOptions;
  const out = options.out ?? '.';
  const loaded = await loadSpec({ spec: options.spec, archDir: options.archDir });
  if (loaded.warnings.length > 0) process.stderr.write(renderDiagnosticsText(loaded.warnings));
  const { arches, file: specFile } = loaded;
  const spec = options.stubs ? applyStubs(loaded.spec, arches) : loaded.spec;
  const targets = planTargets(selectArches(arches, options.arch));
  const templateDirs = [
    ...(options.templates ? [resolve(options.templates)] : []),
    bundledTemplatesDir,
  ];
  const inside = pathResolver(resolve(out));
  const display = (rel: string) => posix.join(out, rel);

  if (options.list) {
    const paths = targets.map((t) => t.path);
    if (options.stubs)
      paths.push(...Object.values((await import('../stubs/paths.js')).STUB_FILE_PATHS));
    for (const t of targets) inside(t.path, t.arch.file);
    process.stdout.write(
      paths
        .map((p) => `${display(p)}\n`)
        .sort()
        .join(''),
    );
    return EXIT_OK;
  }

  // handlebars is the heaviest dependency: load it only when something is rendered.
  const { createRenderer } = await import('./render.js');
  const renderer = await createRenderer(
    templateDirs,
    targets.map((t) => t.output.template),
  );
  const planned: PlannedOutput[] = planFiles(spec, arches, targets, renderer);
  if (options.stubs) {
    const { planStubFiles } = await import('./stub-files.js');
    planned.push(...planStubFiles(spec, templateDirs, specFile));
  }
  const files: FileToWrite[] = planned
    .map((p) => ({ path: inside(p.path, p.origin), display: display(p.path), content: p.content }))
    .sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));

  if (options.check) {
    const { findStale } = await import('./check.js');
    const stale = findStale(files);
    for (const s of stale) process.stdout.write(s.diff);
    const missing = stale.filter((s) => s.missing).length;
    process.stderr.write(
      stale.length === 0
        ? `syscalltbl: all ${plural(files.length, 'generated file')} under ${out} are current\n`
        : `syscalltbl: ${plural(stale.length - missing, 'stale file')} and ${plural(missing, 'missing file')} of ${files.length} under ${out}; run syscalltbl generate\n`,
    );
    return stale.length === 0 ? EXIT_OK : EXIT_FINDINGS;
  }

  const report = writePlanned(files);
  process.stderr.write(
    `syscalltbl: wrote ${plural(report.written.length, 'file')} under ${out} (${report.unchanged.length} unchanged)\n`,
  );
  return EXIT_OK;
}

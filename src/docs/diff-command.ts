// `syscalltbl diff OLD NEW [--format md|json]`: load and validate both specs against the same
// descriptors, compare them, print the report to stdout.
import { EXIT_OK } from '../common/exit-codes.js';
import { renderDiagnosticsText } from '../common/render-diagnostics.js';
import { loadSpec } from '../spec/load.js';
import { diffSpecs } from './diff-specs.js';
import { renderDiffJson, renderDiffMarkdown } from './render-diff.js';
import { specDisplayName } from './spec-name.js';
import { printDocument } from './stdout.js';

export async function runDiff(options: Record<string, unknown>, args: string[]): Promise<number> {
  const [oldPath, newPath] = args;
  const archDir = options.archDir as string | undefined;
  const load = async (spec: string | undefined) => {
    const loaded = await loadSpec({
      spec,
      archDir,
      notFoundHint:
        'give the path of a spec, e.g. one `syscalltbl import --kernel DIR --out FILE` wrote',
    });
    if (loaded.warnings.length > 0) process.stderr.write(renderDiagnosticsText(loaded.warnings));
    return loaded;
  };
  const before = await load(oldPath);
  const after = await load(newPath);
  const diff = diffSpecs(
    { side: { kernel: before.spec.kernel, spec: specDisplayName(before.file) }, spec: before.spec },
    { side: { kernel: after.spec.kernel, spec: specDisplayName(after.file) }, spec: after.spec },
    after.arches,
  );
  printDocument(options.format === 'json' ? renderDiffJson(diff) : renderDiffMarkdown(diff));
  return EXIT_OK;
}

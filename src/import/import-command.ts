// `syscalltbl import --kernel DIR [--out FILE]`: a kernel tree in, syscalls.yaml out. Table
// problems are reported at their .tbl line; nothing is written when there is an error.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadArchSet } from '../arch/load.js';
import { writeFilesAtomically } from '../common/atomic-write.js';
import { hasErrors, UserError } from '../common/diagnostics.js';
import { EXIT_OK } from '../common/exit-codes.js';
import { bundledArchDir, packageRoot } from '../common/paths.js';
import { renderDiagnosticsText } from '../common/render-diagnostics.js';
import { serializeSpec } from '../spec/serialize.js';
import { buildSpec } from './build-spec.js';
import { readKernel } from './read-kernel.js';

export const BUNDLED_STUBS = join(packageRoot, 'data', 'stubs.yaml');
export const DEFAULT_MAN_PAGE = '/usr/share/man/man2/syscalls.2.gz';

export async function runImport(options: Record<string, unknown>): Promise<number> {
  const arches = loadArchSet((options.archDir as string | undefined) ?? bundledArchDir);
  const stubsFile =
    (options.stubs as string | undefined) ??
    (existsSync(BUNDLED_STUBS) ? BUNDLED_STUBS : undefined);
  const manOption = options.manpages;
  const manPage =
    manOption === false
      ? undefined
      : typeof manOption === 'string'
        ? manOption
        : existsSync(DEFAULT_MAN_PAGE)
          ? DEFAULT_MAN_PAGE
          : undefined;
  const { inputs, diagnostics } = readKernel(options.kernel as string, arches, {
    stubsFile,
    manPage,
    kernelVersion: options.kernelVersion as string | undefined,
  });
  const built = buildSpec(inputs, arches);
  const all = [...diagnostics, ...built.diagnostics];
  if (hasErrors(all)) throw new UserError(all);
  if (all.length > 0) process.stderr.write(renderDiagnosticsText(all));
  const text = serializeSpec(built.spec, arches);
  const out = options.out as string | undefined;
  if (out) writeFilesAtomically([{ path: out, content: text }]);
  else process.stdout.write(text);
  return EXIT_OK;
}

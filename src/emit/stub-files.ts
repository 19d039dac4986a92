// The module-stub C that `generate --stubs` writes beside the tables, rendered by the stubs
// stage (src/stubs) at the paths it defines.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Spec } from '../spec/model.js';
import { stubSyscallsFromSpec } from '../stubs/from-spec.js';
import { STUB_FILE_PATHS, STUB_TEMPLATES } from '../stubs/paths.js';
import { renderStubFiles } from '../stubs/render-stubs.js';
import type { PlannedOutput } from './plan.js';

/** The user's templates folder when it carries all stub templates, else the bundled one. */
function stubTemplatesDir(dirs: readonly string[]): string {
  const found = dirs.find((d) =>
    Object.values(STUB_TEMPLATES).every((t) => existsSync(join(d, t))),
  );
  return found ?? dirs[dirs.length - 1] ?? '.';
}

export function planStubFiles(
  spec: Spec,
  templateDirs: readonly string[],
  specFile: string,
): PlannedOutput[] {
  const files = renderStubFiles(
    stubSyscallsFromSpec(spec),
    stubTemplatesDir(templateDirs),
    specFile,
  );
  return (Object.keys(STUB_FILE_PATHS) as Array<keyof typeof STUB_FILE_PATHS>).map((key) => ({
    path: STUB_FILE_PATHS[key],
    content: Buffer.from(files[key], 'utf8'),
    origin: specFile,
  }));
}

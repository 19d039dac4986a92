// Reads stub declarations (data/stubs.yaml, docs/stubs.md): YAML with positions, the schema,
// then the checks the renderer applies, each problem reported at its line.
import { join } from 'node:path';
import { UserError } from '../common/diagnostics.js';
import { packageRoot } from '../common/paths.js';
import { schemaDiagnostics } from '../common/schema-diagnostics.js';
import { readSourceText } from '../common/source-file.js';
import { diagnosticAtPath, parseYaml } from '../common/yaml-document.js';
import validateStubs from '../generated/validate-stubs.js';
import { parseParam } from '../spec/params.js';
import { checkStubs } from './check-stubs.js';
import type { StubSyscall } from './render-stubs.js';

export const BUNDLED_STUBS_PATH = join(packageRoot, 'data', 'stubs.yaml');

const MAX_BYTES = 1 << 20;

interface StubEntry {
  reason: string;
  params: string[];
  compat?: boolean;
}

/** The declarations in `path` (shown as `file`), in file order; throws UserError when invalid. */
export function loadStubDeclarations(path = BUNDLED_STUBS_PATH, file = path): StubSyscall[] {
  const src = parseYaml(readSourceText(path, file, MAX_BYTES), 'stub declarations');
  if (!validateStubs(src.data))
    throw new UserError(schemaDiagnostics(src, validateStubs.errors ?? [], {}));
  const stubs = Object.entries(src.data as Record<string, StubEntry>).map(
    ([name, entry]): StubSyscall => ({
      name,
      reason: entry.reason,
      params: entry.params.map(parseParam),
      compat: entry.compat === true,
    }),
  );
  const problems = checkStubs(stubs);
  if (problems.length > 0) {
    throw new UserError(
      problems.map((p) =>
        diagnosticAtPath(
          src,
          p.param === undefined ? [p.stub] : [p.stub, 'params', p.param],
          p.code,
          p.message,
          p.hint,
          {
            as: p.param === undefined ? 'key' : 'value',
          },
        ),
      ),
    );
  }
  return stubs;
}

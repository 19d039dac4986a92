// Renders the bundled stub declarations (data/stubs.yaml) into a directory laid out as
// `generate --stubs` writes them, for the build and concurrency tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundledTemplatesDir } from '../../src/common/paths.js';
import { loadStubDeclarations } from '../../src/stubs/load-stubs.js';
import { STUB_FILE_PATHS } from '../../src/stubs/paths.js';
import { renderStubFiles, type StubFiles } from '../../src/stubs/render-stubs.js';

export function renderBundledStubs(): StubFiles {
  return renderStubFiles(loadStubDeclarations(), bundledTemplatesDir, 'data/stubs.yaml');
}

/** Writes `files` (default: the bundled stubs) under a new temporary directory; returns it. */
export function writeStubTree(prefix: string, files: StubFiles = renderBundledStubs()): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [key, path] of Object.entries(STUB_FILE_PATHS) as Array<[keyof StubFiles, string]>) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, files[key]);
  }
  return dir;
}

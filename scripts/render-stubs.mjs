// Renders the bundled stub declarations (data/stubs.yaml) into DIR, laid out as
// `syscalltbl generate --stubs` writes them (src/stubs/paths.ts). Input of kbuild-stubs.sh.
// usage: node scripts/render-stubs.mjs DIR   (needs dist/: npm run build)
import { join } from 'node:path';
import { writeFilesAtomically } from '../dist/common/atomic-write.js';
import { bundledTemplatesDir } from '../dist/common/paths.js';
import { loadStubDeclarations } from '../dist/stubs/load-stubs.js';
import { STUB_FILE_PATHS } from '../dist/stubs/paths.js';
import { renderStubFiles } from '../dist/stubs/render-stubs.js';

const out = process.argv[2];
if (!out) {
  process.stderr.write('usage: node scripts/render-stubs.mjs DIR\n');
  process.exit(2);
}
const files = renderStubFiles(loadStubDeclarations(), bundledTemplatesDir, 'data/stubs.yaml');
writeFilesAtomically(
  Object.entries(STUB_FILE_PATHS).map(([key, path]) => ({
    path: join(out, path),
    content: files[key],
  })),
);

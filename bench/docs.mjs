// `syscalltbl docs --format html` for the bundled spec (~660 syscalls × 32 ABIs), whole process,
// beside bare `node -e 0`; json and md for comparison. Warm: the spec cache is primed; cold:
// SYSCALLTBL_NO_CACHE=1 (YAML parse and checks every time). Standalone: `node bench/docs.mjs`.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './lib/cli-path.mjs';
import { measureInterleaved, printTable, timeOnce } from './lib/measure.mjs';

const root = join(import.meta.dirname, '..');
const cli = cliPath(root);
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`npm run build\` first`);
  process.exit(2);
}
const out = mkdtempSync(join(tmpdir(), 'syscalltbl-bench-docs-'));
const cacheDir = mkdtempSync(join(tmpdir(), 'syscalltbl-bench-cache-'));
const cwd = mkdtempSync(join(tmpdir(), 'syscalltbl-bench-cwd-')); // no ./syscalls.yaml: the bundled spec
const warm = { cwd, env: { ...process.env, SYSCALLTBL_CACHE_DIR: cacheDir } };
const cold = { cwd, env: { ...process.env, SYSCALLTBL_NO_CACHE: '1' } };
const docs = (format, target) => [cli, 'docs', '--format', format, '--out', join(out, target)];

try {
  timeOnce(process.execPath, docs('html', 'prime.html'), warm); // prime the cache
  const runs = Number(process.env.BENCH_RUNS ?? 11);
  const rows = measureInterleaved(
    [
      { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
      {
        name: 'docs --format html (warm)',
        cmd: process.execPath,
        args: docs('html', 'ref.html'),
        options: warm,
      },
      {
        name: 'docs --format html (cold)',
        cmd: process.execPath,
        args: docs('html', 'cold.html'),
        options: cold,
      },
      {
        name: 'docs --format json (warm)',
        cmd: process.execPath,
        args: docs('json', 'ref.json'),
        options: warm,
      },
      {
        name: 'docs --format md --out DIR (warm)',
        cmd: process.execPath,
        args: docs('md', 'md'),
        options: warm,
      },
    ],
    { runs },
  );
  printTable(`docs: bundled spec, ${runs} interleaved runs each`, rows, 'node -e 0');
} finally {
  for (const dir of [out, cacheDir, cwd]) rmSync(dir, { recursive: true, force: true });
}

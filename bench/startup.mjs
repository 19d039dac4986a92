// `syscalltbl validate` and `syscalltbl show 59 --abi x86_64` on the bundled spec, whole process,
// beside bare `node -e 0`. Warm: the content-hash cache is primed (the normal case after the
// first run, and always for the bundled spec after `npm run build`); cold: SYSCALLTBL_NO_CACHE=1
// (js-yaml parse, schema and semantic checks every time).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliPath } from './lib/cli-path.mjs';
import { measureInterleaved, printTable, timeOnce } from './lib/measure.mjs';

const root = join(import.meta.dirname, '..');
const cli = cliPath(root);
const cacheDir = mkdtempSync(join(tmpdir(), 'syscalltbl-bench-cache-'));
const cwd = mkdtempSync(join(tmpdir(), 'syscalltbl-bench-cwd-')); // no ./syscalls.yaml: the bundled spec
const warm = { cwd, env: { ...process.env, SYSCALLTBL_CACHE_DIR: cacheDir } };
const cold = { cwd, env: { ...process.env, SYSCALLTBL_NO_CACHE: '1' } };

timeOnce(process.execPath, [cli, 'validate'], warm); // prime the cache

const runs = Number(process.env.BENCH_RUNS ?? 21);
const rows = measureInterleaved(
  [
    { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
    { name: 'validate (warm)', cmd: process.execPath, args: [cli, 'validate'], options: warm },
    {
      name: 'show 59 --abi x86_64 (warm)',
      cmd: process.execPath,
      args: [cli, 'show', '59', '--abi', 'x86_64'],
      options: warm,
    },
    {
      name: 'validate (cold, no cache)',
      cmd: process.execPath,
      args: [cli, 'validate'],
      options: cold,
    },
    {
      name: 'show 59 --abi x86_64 (cold)',
      cmd: process.execPath,
      args: [cli, 'show', '59', '--abi', 'x86_64'],
      options: cold,
    },
  ],
  { runs },
);
printTable(
  `startup: bundled spec, ${runs} interleaved runs each (aim: warm < 2x node -e 0)`,
  rows,
  'node -e 0',
);

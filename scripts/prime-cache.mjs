// Part of `npm run build`: checks the bundled spec once and stores the result in dist/cache, so
// an installed `syscalltbl show 59` never parses YAML (see src/spec/cache.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = spawnSync(
  process.execPath,
  [join(root, 'dist', 'cli.js'), 'validate', '--spec', join(root, 'syscalls.yaml')],
  {
    env: { ...process.env, SYSCALLTBL_CACHE_DIR: join(root, 'dist', 'cache') },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
process.exitCode = run.status ?? 1;

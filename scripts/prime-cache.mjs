// Part of `npm run build`: stamps the build with an id (a hash of every compiled file), which
// every cache key includes — a rebuilt syscalltbl never trusts results cached by another build —
// then checks the bundled spec once and stores the result in dist/cache, so an installed
// `syscalltbl show 59` never parses YAML (see src/common/cache.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');

function compiledFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? e.name === 'cache'
          ? []
          : compiledFiles(join(dir, e.name))
        : [join(dir, e.name)],
    )
    .filter((f) => f.endsWith('.js'))
    .sort();
}

const hash = createHash('sha256');
for (const file of compiledFiles(dist))
  hash.update(relative(dist, file)).update('\0').update(readFileSync(file)).update('\0');
writeFileSync(join(dist, 'build-id'), `${hash.digest('hex')}\n`);
rmSync(join(dist, 'cache'), { recursive: true, force: true });

const run = spawnSync(
  process.execPath,
  [join(dist, 'cli.js'), 'validate', '--spec', join(root, 'syscalls.yaml')],
  {
    env: { ...process.env, SYSCALLTBL_CACHE_DIR: join(dist, 'cache') },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
process.exitCode = run.status ?? 1;

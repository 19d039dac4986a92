// Part of `npm run build`: stamps the build with an id (a hash of every compiled file), which
// every cache key includes — a rebuilt syscalltbl never trusts results cached by another build —
// then checks the bundled spec once and stores the result in dist/cache, so an installed
// `syscalltbl show 59` never parses YAML (see src/common/cache.ts); and the arch descriptors'
// table symbols, which `syscalltbl lint` reads.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

const env = { ...process.env, SYSCALLTBL_CACHE_DIR: join(dist, 'cache') };
// The command users run: the package's bin.
const cli = join(root, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.syscalltbl);
const run = spawnSync(process.execPath, [cli, 'validate', '--spec', join(root, 'syscalls.yaml')], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
// A lint of an empty folder caches the arch descriptors' table symbols the lint command reads.
const empty = mkdtempSync(join(tmpdir(), 'syscalltbl-prime-'));
const lint = spawnSync(process.execPath, [cli, 'lint', '--format', 'json', empty], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
rmSync(empty, { recursive: true, force: true });
process.exitCode = run.status || lint.status || 0;

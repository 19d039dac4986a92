// `npm run bench`: runs every benchmark in bench/ one after another (they need the machine to
// themselves; two cores here). Each prints its own table and says when a baseline is absent.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs')
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const run = spawnSync(process.execPath, [join(dir, bench)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`${bench} failed (exit ${run.status})`);
  }
}
process.exitCode = failed ? 1 : 0;

#!/usr/bin/env node
// Lints the whole Linux tree with the built command (the bin, `syscalltbl lint --format json`) in a fresh
// node process, and times ripgrep searching the same .c/.h files for the same trigger words, side
// by side. Prints medians of wall and CPU time, the ratio, the linter's peak RSS (the whole
// process: its worker threads included) and the load average before and after (other work on
// the machine skews both). Run `npm run build` first; SYSCALLTBL_DEBUG=1 in the linter's
// environment prints phase times.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliPath } from './lib/cli-path.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const tree = [process.env.SYSCALLTBL_LINUX_SRC, '/usr/src/linux-source-6.12'].find(
  (p) => p && existsSync(join(p, 'Makefile')),
);
if (!tree) {
  console.log('lint bench: skipped: no Linux tree (set SYSCALLTBL_LINUX_SRC)');
  process.exit(0);
}
const dist = join(repo, 'dist');
// The command users run, `syscalltbl lint --format json .`, in a fresh process: its JSON report
// on stdout, and its peak RSS (every thread's memory) on stderr's last line as it exits.
const cli = cliPath(repo);
if (!existsSync(cli)) {
  console.log(`lint bench: skipped: ${cli} missing (run npm run build)`);
  process.exit(0);
}
const runs = Number(process.env.BENCH_RUNS ?? 5);
const child = `
process.argv = [process.execPath, ${JSON.stringify(cli)}, 'lint', '--format', 'json', '.'];
process.on('exit', () => process.stderr.write('\\n' + JSON.stringify({ rss: process.resourceUsage().maxRSS }) + '\\n'));
await import(${JSON.stringify(cli)});
`;
const { TRIGGER_WORDS } = await import(join(dist, 'lint', 'engine', 'prefilter.js'));
const { commandTableNames } = await import(join(dist, 'lint', 'command-table-names.js'));
const words = [...TRIGGER_WORDS, ...(await commandTableNames())];

/**
 * CPU seconds (user + system) of this process's waited-for children, from /proc/self/stat
 * (cutime + cstime, in clock ticks of 10 ms): the run's CPU is what two cores share.
 */
function childCpu() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

function time(cmd, args) {
  const cpu = childCpu();
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 28 });
  return {
    ms: Number(process.hrtime.bigint() - t) / 1e6,
    cpu: childCpu() - cpu,
    out: r.stdout,
    status: r.status,
    err: r.stderr,
  };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const loadBefore = load();
const lint = [];
const rg = [];
const lintCpu = [];
const rgCpu = [];
let last = null;
for (let i = 0; i < runs; i++) {
  const l = time(process.execPath, ['--input-type=module', '-e', child]);
  if (!l.out) throw new Error(`lint child failed (status ${l.status}): ${l.err}`);
  lint.push(l.ms);
  lintCpu.push(l.cpu);
  const report = JSON.parse(l.out);
  const rss = JSON.parse(l.err.trim().split('\n').pop() ?? '{}').rss;
  last = { findings: report.findings.length, files: report.summary.filesLinted, rss };
  const g = time('rg', [
    '-l',
    '-F',
    '--no-messages',
    '-g',
    '*.c',
    '-g',
    '*.h',
    ...words.flatMap((w) => ['-e', w]),
    '.',
  ]);
  rg.push(g.ms);
  rgCpu.push(g.cpu);
}
const ml = median(lint);
const mr = median(rg);
console.log(`lint bench over ${tree} (${runs} runs each)`);
console.log('| what | median wall | median CPU (user + sys) | peak RSS |');
console.log('|---|---|---|---|');
console.log(
  `| syscalltbl lint --format json | ${(ml / 1000).toFixed(2)} s | ${median(lintCpu).toFixed(2)} s | ${Math.round((last?.rss ?? 0) / 1024)} MB |`,
);
console.log(
  `| rg (same files, same ${words.length} words) | ${(mr / 1000).toFixed(2)} s | ${median(rgCpu).toFixed(2)} s | - |`,
);
console.log(
  `ratio lint/rg: ${(ml / mr).toFixed(2)}x; findings ${last?.findings}, files ${last?.files}`,
);
console.log(`load average (1/5/15 min): ${loadBefore} before, ${load()} after`);

// One more run, untimed, with the engine's phase times: where the time went (README § Speed).
const phases = spawnSync(process.execPath, ['--input-type=module', '-e', child], {
  cwd: tree,
  encoding: 'utf8',
  env: { ...process.env, SYSCALLTBL_DEBUG: '1' },
});
console.log('phases of one more run (SYSCALLTBL_DEBUG=1):');
for (const line of phases.stderr.split('\n').filter(Boolean)) console.log(`  ${line}`);

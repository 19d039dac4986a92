// Whole-process wall-time measurement for the benchmarks: commands run interleaved (round robin)
// so drift on a shared machine hits every command alike; medians are reported.
import { spawnSync } from 'node:child_process';

/** Runs `cmd args` once; returns wall milliseconds. Throws when it fails. */
export function timeOnce(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const run = spawnSync(cmd, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    ...options,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== (options.expectStatus ?? 0)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${run.status}: ${run.stderr?.slice(0, 500)}`);
  }
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Measures each case `runs` times, interleaved, after `warmup` unrecorded rounds.
 * cases: [{ name, cmd, args, options }]
 */
export function measureInterleaved(cases, { runs = 15, warmup = 2 } = {}) {
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const c of cases) {
      const ms = timeOnce(c.cmd, c.args, c.options);
      if (round >= warmup) samples.get(c.name).push(ms);
    }
  }
  return cases.map((c) => {
    const s = samples.get(c.name);
    return {
      name: c.name,
      median: median(s),
      min: Math.min(...s),
      max: Math.max(...s),
      runs: s.length,
    };
  });
}

export function printTable(title, rows, baselineName) {
  const base = rows.find((r) => r.name === baselineName);
  console.log(`\n${title}`);
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(
    `  ${'case'.padEnd(width)}  median ms    min ms    max ms   runs  vs ${baselineName ?? '-'}`,
  );
  for (const r of rows) {
    const ratio = base ? `${(r.median / base.median).toFixed(2)}x` : '';
    console.log(
      `  ${r.name.padEnd(width)}  ${r.median.toFixed(1).padStart(9)}  ${r.min.toFixed(1).padStart(8)}  ${r.max.toFixed(1).padStart(8)}  ${String(r.runs).padStart(5)}  ${ratio}`,
    );
  }
}

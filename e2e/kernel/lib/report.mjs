// The kernel e2e's report for people (run.mjs also writes it as JSON with --json).
import { PROBE_NAME } from './spec-copy.mjs';

/** The run's result as the lines a person reads: headers, each check, problems, times, verdict. */
export function formatReport(options, result) {
  const lines = [];
  lines.push(`kernel e2e: Linux ${options.linuxSource} -> ${options.work}`);
  if (options.swap)
    lines.push(`  (--swap ${options.swap.join(',')}: this kernel's table is wrong on purpose)`);
  if (result.probeNumbers) {
    lines.push(
      `  spec copy: ${PROBE_NAME} added as x86_64 ${result.probeNumbers['x86/64']}, i386 ${result.probeNumbers['x86/32']}`,
    );
  }
  for (const h of result.headers ?? []) lines.push(`  header ${h.path}: ${h.status}`);
  if (result.headersInstalledThisBuild) {
    const n = result.headersInstalledThisBuild.length;
    lines.push(
      `  headers installed by this build (kernel scripts agree byte for byte): ${n}${n === 0 ? ' (up to date)' : ''}`,
    );
  }
  if (result.kernel) lines.push(`  booted: Linux ${result.kernel} (qemu-system-x86_64, TCG)`);
  for (const c of result.checks ?? []) {
    lines.push(`${c.status.padEnd(7)} ${c.id.padEnd(36)} ${c.seen.padEnd(20)} ${c.proves}`);
  }
  for (const id of result.unexpected ?? []) lines.push(`UNEXPECTED ${id}`);
  for (const p of result.problems) lines.push(`problem: ${p}`);
  const times = Object.entries(result.timings).map(([k, v]) => `${k} ${v} s`);
  if (times.length > 0) lines.push(`times: ${times.join(', ')}`);
  if (result.checks) {
    const passed = result.checks.filter((c) => c.status === 'pass').length;
    lines.push(`checks: ${passed}/${result.checks.length} passed`);
  }
  lines.push(`kernel e2e: ${result.skipped ? 'SKIPPED' : result.passed ? 'PASSED' : 'FAILED'}`);
  return lines.join('\n');
}

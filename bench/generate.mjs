#!/usr/bin/env node
// Whole-process wall time of `syscalltbl generate` (all 60 reference headers, every .tbl and the
// other outputs) against the kernel's own generator scripts producing the same 60 headers from
// the same tables, run side by side (interleaved) on this machine. Prints medians and the ratio.
//
//   node bench/generate.mjs [--runs N]
//
// Kernel scripts come from $SYSCALLTBL_LINUX_SRC (default /usr/src/linux-source-6.12, Debian's
// linux-source-6.12 extracted); the tables and commands from the reference data
// (../shared/reference/linux-6.12.117: tbl/ and expected/MANIFEST.md).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliPath } from './lib/cli-path.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = cliPath(repo);
const reference =
  process.env.SYSCALLTBL_REFERENCE ?? join(repo, '..', 'shared', 'reference', 'linux-6.12.117');
const linuxSrc = process.env.SYSCALLTBL_LINUX_SRC || '/usr/src/linux-source-6.12';
const SCRIPTS = [
  'scripts/syscallhdr.sh',
  'scripts/syscalltbl.sh',
  'arch/arm/tools/syscallnr.sh',
  'arch/mips/kernel/syscalls/syscallnr.sh',
  'arch/s390/kernel/syscalls/syscalltbl',
];

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function timed(command, args, options) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return seconds;
}

/** The 60 (arch, path, command) rows of MANIFEST.md. */
function manifest() {
  const rows = [];
  const text = readFileSync(join(reference, 'expected', 'MANIFEST.md'), 'utf8');
  for (const line of text.split('\n')) {
    const m = /^\| (\S+) \| `([^`]+)` \| [^|]+ \| `(.+)` \|$/.exec(line);
    if (m) rows.push({ arch: m[1], path: m[2], command: m[3] });
  }
  return rows;
}

/** A kernel-like tree: the scripts from the Linux source, the reference tables. */
function kernelSetup(root) {
  const tree = join(root, 'linux');
  cpSync(join(reference, 'tbl'), tree, { recursive: true });
  for (const s of SCRIPTS) {
    mkdirSync(dirname(join(tree, s)), { recursive: true });
    cpSync(join(linuxSrc, s), join(tree, s));
  }
  return { tree, rows: manifest() };
}

/**
 * One shell script making all 60 headers under `out`, each command exactly as MANIFEST.md has
 * it with OUT the target path (only its basename reaches the content); the folders are made
 * first, as kbuild does.
 */
function kernelScript(root, rows, out, index) {
  const targets = rows.map((r) => join(out, 'arch', r.arch, 'include', 'generated', r.path));
  const lines = ['set -e', `mkdir -p ${[...new Set(targets.map((t) => dirname(t)))].join(' ')}`];
  rows.forEach((r, i) => {
    lines.push(r.command.replace(/\bOUT\b/g, () => targets[i]));
  });
  const script = join(root, `make-60-${index}.sh`);
  writeFileSync(script, `${lines.join('\n')}\n`);
  return script;
}

function main() {
  if (!existsSync(cli)) {
    console.error(`bench: ${cli} is missing; run \`npm run build\` first`);
    process.exit(2);
  }
  const root = mkdtempSync(join(tmpdir(), 'syscalltbl-bench-'));
  let n = 0;
  const fresh = () => join(root, `out-${++n}`);
  const env = { ...process.env, LC_ALL: undefined, LC_COLLATE: 'C', LC_NUMERIC: 'C' };
  try {
    const haveKernel = existsSync(join(linuxSrc, 'scripts', 'syscalltbl.sh'));
    const kernel = haveKernel ? kernelSetup(root) : undefined;
    const generate = (extraEnv = {}) =>
      timed(process.execPath, [cli, 'generate', '--out', fresh()], {
        cwd: repo,
        env: { ...process.env, ...extraEnv },
      });
    const scripts = () => {
      const script = kernelScript(root, kernel.rows, fresh(), n);
      return timed('sh', [script], { cwd: kernel.tree, env });
    };

    // Warm-up (not counted): fills the spec and template caches and the page cache.
    generate();
    if (kernel) scripts();
    const times = { generate: [], nocache: [], kernel: [] };
    for (let i = 0; i < runs; i++) {
      times.generate.push(generate());
      times.nocache.push(generate({ SYSCALLTBL_NO_CACHE: '1' }));
      if (kernel) times.kernel.push(scripts());
    }

    // The last generator run and the last kernel run must agree on all 60 headers.
    let identical;
    if (kernel) {
      const genOut = join(root, `out-${n - 1}`);
      const kernOut = join(root, `out-${n}`);
      identical = kernel.rows.filter((r) => {
        const p = join('arch', r.arch, 'include', 'generated', r.path);
        return readFileSync(join(genOut, p)).equals(readFileSync(join(kernOut, p)));
      }).length;
    }

    const fmt = (s) => `${s.toFixed(3)} s`;
    const row = (name, list) =>
      `| ${name.padEnd(48)} | ${fmt(median(list)).padStart(9)} | ${fmt(Math.min(...list)).padStart(9)} |`;
    console.log(`syscalltbl generate vs the kernel's scripts, ${runs} runs each, interleaved\n`);
    console.log(`| ${'what'.padEnd(48)} | ${'median'.padStart(9)} | ${'min'.padStart(9)} |`);
    console.log(`|${'-'.repeat(50)}|${'-'.repeat(11)}|${'-'.repeat(11)}|`);
    console.log(row('syscalltbl generate (spec/template cache warm)', times.generate));
    console.log(row('syscalltbl generate (SYSCALLTBL_NO_CACHE=1)', times.nocache));
    if (kernel) {
      console.log(row(`kernel scripts, 60 headers (sh = ${shell()})`, times.kernel));
      const ratio = median(times.kernel) / median(times.generate);
      const ratioCold = median(times.kernel) / median(times.nocache);
      console.log(
        `\nratio (kernel median / generate median): ${ratio.toFixed(2)}x warm cache, ${ratioCold.toFixed(2)}x without cache`,
      );
      console.log(`outputs identical: ${identical}/${kernel.rows.length}`);
    } else {
      console.log(
        `\nkernel scripts: SKIPPED, no Linux tree at ${linuxSrc} (install Debian's linux-source-6.12 and extract it under /usr/src, or set SYSCALLTBL_LINUX_SRC)`,
      );
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function shell() {
  const r = spawnSync('readlink', ['-f', '/bin/sh'], { encoding: 'utf8' });
  return (r.stdout || 'sh').trim().split('/').pop();
}

main();

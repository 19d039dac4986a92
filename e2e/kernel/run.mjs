#!/usr/bin/env node
// The kernel end-to-end check (npm run e2e:kernel): builds Linux 6.12 for x86_64 from
// syscalltbl's tables and stubs, boots it under QEMU, and calls the syscalls from inside.
// README.md beside this file says what each step does and why.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { boot, QEMU_EXIT_PASSED } from './lib/boot.mjs';
import { InputError, mustRun, StepError } from './lib/command.mjs';
import { compileGuest, writeInitramfs } from './lib/guest.mjs';
import { evaluateChecks } from './lib/guest-report.mjs';
import { buildKernel, buildModule, compareHeaders, configure } from './lib/kernel-build.mjs';
import { installGenerated, linkTree } from './lib/overlay.mjs';
import { findLinuxSource, missingPrerequisites } from './lib/prerequisites.mjs';
import { formatReport } from './lib/report.mjs';
import { PROBE_NAME, writeSpecCopy } from './lib/spec-copy.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const EXIT = { passed: 0, failed: 1, usage: 2, skipped: 77 };

const HELP = `usage: npm run e2e:kernel -- [options]

Builds an x86_64 Linux kernel whose syscall tables and stub entry points come from
syscalltbl (a copy of the spec plus one new syscall, ${PROBE_NAME}), boots it under
qemu-system-x86_64 and checks, from what the guest prints, that the syscalls work
through the 64-bit and the 32-bit entry, with the stub modules loaded and not.

  --spec FILE      the spec to copy (default: syscalls.yaml)
  --work DIR       build folder, kept for incremental rebuilds
                   (default: $SYSCALLTBL_E2E_WORK, else <tmp>/syscalltbl-e2e-kernel)
  --swap A,B       swap the x86 numbers of syscalls A and B in the copy: the kernel's
                   table is then wrong, and the run must fail (a check of the check)
  --timeout SEC    hard limit for the boot (default 180)
  --jobs N         make -j (default: the number of CPUs)
  --json FILE      also write the result as JSON
  --clean          remove the build folder first

Linux tree: $SYSCALLTBL_LINUX_SRC, else /usr/src/linux-source-6.12 (never written to).
Exit: 0 every check passed; 1 a check or a build step failed; 2 usage or bad input
(no such spec, a --swap of syscalls without x86 rows); 77 skipped
(something the run needs is missing; it says what).`;

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      spec: { type: 'string', default: join(root, 'syscalls.yaml') },
      work: { type: 'string' },
      swap: { type: 'string' },
      timeout: { type: 'string', default: '180' },
      jobs: { type: 'string', default: String(availableParallelism()) },
      json: { type: 'string' },
      clean: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const swap = values.swap?.split(',');
  if (swap && (swap.length !== 2 || swap.some((name) => !/^\w+$/.test(name)))) {
    throw new InputError(`--swap ${values.swap}: expected two syscall names, A,B`);
  }
  const timeout = Number(values.timeout);
  const jobs = Number(values.jobs);
  if (!(timeout > 0)) throw new InputError(`--timeout ${values.timeout}: expected seconds > 0`);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new InputError(`--jobs ${values.jobs}: expected a whole number > 0`);
  const work = resolve(
    values.work ?? process.env.SYSCALLTBL_E2E_WORK ?? join(tmpdir(), 'syscalltbl-e2e-kernel'),
  );
  return { ...values, spec: resolve(values.spec), swap, timeout, jobs, work };
}

/** The "major.minor" of the kernel the spec @specPath describes (its `kernel:`), default 6.12. */
function specKernelVersion(specPath) {
  try {
    return /^kernel: '?(\d+\.\d+)/m.exec(readFileSync(specPath, 'utf8'))?.[1] ?? '6.12';
  } catch {
    return '6.12'; // no such spec: the run reports that as bad input
  }
}

const WORK_MARK = '.syscalltbl-e2e-work';

/**
 * Makes @work the run's folder: a new or empty folder gets the mark; one with the mark is
 * reused. Anything else is refused, so that --clean never removes a folder that is not ours.
 */
function claimWorkDir(work) {
  let entries;
  try {
    entries = readdirSync(work);
  } catch {
    entries = undefined; // not there yet
  }
  if (entries && entries.length > 0 && !entries.includes(WORK_MARK)) {
    throw new InputError(
      `--work ${work}: the folder is not empty and not a kernel e2e build folder (no ${WORK_MARK}); name a new or empty one`,
    );
  }
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, WORK_MARK), 'syscalltbl kernel e2e build folder (npm run e2e:kernel)\n');
}

/** Runs @fn, adding its seconds to @timings under @name. */
async function timed(timings, name, fn) {
  const started = performance.now();
  try {
    return await fn();
  } finally {
    timings[name] = Math.round((performance.now() - started) / 100) / 10;
  }
}

/**
 * Writes the spec copy (e2e_probe added, --swap applied), validates it and generates the x86
 * tables, headers and stub source from it into @generated. Returns e2e_probe's numbers.
 * A spec the copy or the validation rejects is bad input.
 */
async function generateFromSpecCopy({ options, cli, generated, log }) {
  const specCopy = join(options.work, 'syscalls.e2e.yaml');
  let probeNumbers;
  const validate = (spec) =>
    mustRun(`syscalltbl validate of ${spec}`, [process.execPath, cli, 'validate', '--spec', spec], {
      log,
    });
  try {
    // The spec as given first, so an error points into the user's file, then the copy.
    await validate(options.spec);
    probeNumbers = writeSpecCopy(options.spec, specCopy, { swap: options.swap });
    await validate(specCopy);
  } catch (error) {
    throw new InputError(`the spec: ${error.message}`);
  }
  const argv = ['generate', '--stubs', '--arch', 'x86', '--spec', specCopy, '--out', generated];
  await mustRun('syscalltbl generate', [process.execPath, cli, ...argv], { log });
  return probeNumbers;
}

/** Builds examples/streams and the e2e_probe handler against the kernel; {name: .ko path}. */
async function buildModules({ build, work, jobs, log }) {
  const modules = {
    streams_stub: {
      dir: 'streams',
      from: join(root, 'examples/streams'),
      source: 'streams_stub.c',
    },
    e2e_probe: { dir: 'e2e_probe', from: join(here, 'module'), source: 'e2e_probe.c' },
  };
  const built = {};
  for (const [name, { dir, from, source }] of Object.entries(modules)) {
    built[name] = await buildModule({
      build,
      dir: join(work, 'modules', dir),
      files: [source, 'Kbuild'].map((f) => join(from, f)),
      jobs,
      log,
    });
  }
  return built;
}

async function e2e(options, result) {
  const { work, jobs } = options;
  const timings = result.timings;
  const logs = join(work, 'logs');
  claimWorkDir(work);
  if (options.clean) {
    rmSync(work, { recursive: true, force: true });
    claimWorkDir(work);
  }
  mkdirSync(logs, { recursive: true });
  const log = (name) => {
    const path = join(logs, `${name}.log`);
    writeFileSync(path, '');
    return path;
  };
  // The package's bin: the command users run.
  const cli = join(
    root,
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin.syscalltbl,
  );
  if (!existsSync(cli))
    throw new StepError(`${cli} is missing: run npm run build (npm run e2e:kernel does)`);

  const generated = join(work, 'generated');
  result.probeNumbers = await timed(timings, 'generate', () =>
    generateFromSpecCopy({ options, cli, generated, log: log('generate') }),
  );

  const overlay = join(work, 'linux');
  const build = join(work, 'build');
  const shimLog = log('headers-installed');
  await timed(timings, 'source overlay', async () => {
    result.overlayCreated = linkTree(options.linuxSource, overlay);
    result.overlayChanged = installGenerated({
      overlay,
      source: options.linuxSource,
      generated,
      shimTemplate: join(here, 'kbuild-shim.sh'),
      shimLog,
    });
  });

  const kernelLog = log('kernel');
  await timed(timings, 'configure', async () => {
    result.configured = await configure({
      overlay,
      build,
      fragmentPath: join(here, 'kernel.config'),
      jobs,
      log: kernelLog,
    });
  });
  const image = await timed(timings, 'kernel build', () =>
    buildKernel({ overlay, build, jobs, log: kernelLog }),
  );
  result.headersInstalledThisBuild = readFileSync(shimLog, 'utf8').split('\n').filter(Boolean);
  result.headers = compareHeaders(generated, build);
  const different = result.headers.filter((h) => h.status === 'DIFFERENT');
  if (different.length > 0) {
    throw new StepError(
      `the build's headers differ from syscalltbl's: ${different.map((h) => h.path).join(', ')}`,
    );
  }

  const modules = await timed(timings, 'modules', () =>
    buildModules({ build, work, jobs, log: log('modules') }),
  );

  const initramfs = await timed(timings, 'guest programs', async () => {
    const programs = await compileGuest({
      sourceDir: join(here, 'guest'),
      out: join(work, 'guest'),
      probeNumbers: result.probeNumbers,
      log: log('guest'),
    });
    return writeInitramfs({ build, out: join(work, 'guest'), programs, modules });
  });

  const booted = await timed(timings, 'boot', () =>
    boot({ image, initramfs, timeoutSeconds: options.timeout, log: log('boot') }),
  );
  result.qemu = {
    exitCode: booted.exitCode,
    timedOut: booted.timedOut,
    argv: booted.argv.join(' '),
  };
  result.kernel = /Linux version (\S+)/.exec(booted.output)?.[1];
  const evaluated = evaluateChecks(booted.output);
  Object.assign(result, evaluated);
  const allPassed =
    evaluated.checks.every((c) => c.status === 'pass') && evaluated.unexpected.length === 0;
  if (booted.timedOut)
    result.problems.push(`the guest did not power off within ${options.timeout} s (killed)`);
  else if (!evaluated.ended)
    result.problems.push('the guest stopped before its last check (no E2E-END)');
  if (allPassed && booted.exitCode !== QEMU_EXIT_PASSED) {
    result.problems.push(
      `every check passed but QEMU exited ${booted.exitCode}, not ${QEMU_EXIT_PASSED}`,
    );
  }
  result.passed = allPassed && result.problems.length === 0;
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`e2e:kernel: ${error.message}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (options.help) {
    console.log(HELP);
    return EXIT.passed;
  }
  options.linuxSource = resolve(findLinuxSource());
  const result = { passed: false, skipped: false, problems: [], timings: {} };
  const missing = missingPrerequisites(options.linuxSource, specKernelVersion(options.spec));
  if (missing.length > 0) {
    result.skipped = true;
    result.problems = missing;
    console.log(`kernel e2e: SKIPPED:\n${missing.map((m) => `  - ${m}`).join('\n')}`);
  } else {
    try {
      await e2e(options, result);
    } catch (error) {
      if (!(error instanceof StepError)) throw error;
      result.problems.push(error.message);
      result.badInput = error instanceof InputError;
    }
    console.log(formatReport(options, result));
  }
  if (options.json)
    writeFileSync(options.json, `${JSON.stringify({ ...result, work: options.work }, null, 2)}\n`);
  if (result.skipped) return EXIT.skipped;
  if (result.badInput) return EXIT.usage;
  return result.passed ? EXIT.passed : EXIT.failed;
}

process.exitCode = await main();

// Configures and builds the e2e kernel (tinyconfig plus kernel.config, x86_64, O= build folder)
// and the modules against it.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative } from 'node:path';
import { mustRun, StepError } from './command.mjs';

const CONFIG_STAMP = '.syscalltbl-e2e-config';

function make(tree, build, jobs, args) {
  return ['make', '-C', tree, `O=${build}`, 'ARCH=x86_64', `-j${jobs}`, ...args];
}

/** The CONFIG_X=y lines of the fragment @text. */
function wantedOptions(text) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^CONFIG_\w+=y$/.test(line));
}

/** tinyconfig plus @fragmentPath, unless @build already has that configuration. */
export async function configure({ overlay, build, fragmentPath, jobs, log }) {
  const fragment = readFileSync(fragmentPath, 'utf8');
  const stamp = join(build, CONFIG_STAMP);
  if (
    existsSync(join(build, '.config')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === fragment
  ) {
    return false;
  }
  mkdirSync(build, { recursive: true });
  await mustRun('make tinyconfig', make(overlay, build, jobs, ['tinyconfig']), { log });
  const config = join(build, '.config');
  writeFileSync(config, `${readFileSync(config, 'utf8')}${fragment}`);
  await mustRun('make olddefconfig', make(overlay, build, jobs, ['olddefconfig']), { log });
  const final = new Set(readFileSync(config, 'utf8').split('\n'));
  const missing = wantedOptions(fragment).filter((line) => !final.has(line));
  if (missing.length > 0) {
    throw new StepError(
      `the kernel configuration dropped ${missing.join(', ')} (their dependencies are not met)`,
    );
  }
  writeFileSync(stamp, fragment);
  return true;
}

/** Warnings in @log that name one of @paths (the generated stub source, a module). */
function warningsAbout(log, paths) {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => /warning:/.test(line) && paths.some((path) => line.includes(path)));
}

/** Builds vmlinux, bzImage and Module.symvers; the stub source must compile without a warning. */
export async function buildKernel({ overlay, build, jobs, log }) {
  await mustRun('the kernel build', make(overlay, build, jobs, ['all']), { log });
  const warnings = warningsAbout(log, ['kernel/syscalltbl/']);
  if (warnings.length > 0)
    throw new StepError(`the generated stub source warned:\n${warnings.join('\n')}`);
  const image = join(build, 'arch/x86/boot/bzImage');
  if (!existsSync(image)) throw new StepError(`the kernel build made no ${image}`);
  return image;
}

/**
 * Builds the module whose source files are @files (a .c and its Kbuild) in @dir against the
 * kernel in @build, W=1, and fails on any warning. Returns the .ko's path.
 */
export async function buildModule({ build, dir, files, jobs, log }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(file, join(dir, basename(file)));
  await mustRun(
    `the module build in ${dir}`,
    ['make', '-C', build, `M=${dir}`, 'ARCH=x86_64', 'W=1', `-j${jobs}`, 'modules'],
    {
      log,
    },
  );
  const warnings = warningsAbout(log, [dir]);
  if (warnings.length > 0)
    throw new StepError(`the module in ${dir} warned:\n${warnings.join('\n')}`);
  const source = files.find((file) => file.endsWith('.c'));
  const ko = join(dir, basename(source).replace(/\.c$/, '.ko'));
  if (!existsSync(ko)) throw new StepError(`the module build made no ${ko}`);
  return ko;
}

/**
 * Each x86 header syscalltbl generated under @generated, compared with the one in the build
 * folder @build: identical, DIFFERENT, or not built by this configuration (syscalls_x32.h).
 */
export function compareHeaders(generated, build) {
  const dir = 'arch/x86/include/generated';
  const headers = readdirSync(join(generated, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(relative(generated, entry.parentPath ?? entry.path), entry.name));
  return headers.sort().map((path) => {
    const built = join(build, path);
    if (!existsSync(built)) return { path, status: 'not built by this configuration' };
    const same = readFileSync(built).equals(readFileSync(join(generated, path)));
    return { path, status: same ? 'identical' : 'DIFFERENT' };
  });
}

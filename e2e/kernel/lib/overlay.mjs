// The source tree the e2e kernel is built from: a tree of symbolic links to the Linux source
// (which stays untouched), where the files syscalltbl generates replace the kernel's own.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

const SOURCE_MARK = '.syscalltbl-e2e-source';

/** The generated files the kernel build reads in place of its own, by path in the tree. */
export const INSTALLED_FROM_GENERATE = [
  'arch/x86/entry/syscalls/syscall_32.tbl',
  'arch/x86/entry/syscalls/syscall_64.tbl',
  'include/linux/syscalltbl_stubs.h',
  'kernel/syscalltbl/Kbuild',
  'kernel/syscalltbl/syscalltbl_stubs.c',
];

/** The kernel scripts that turn the .tbl files into headers; a shim installs ours instead. */
const HEADER_SCRIPTS = ['scripts/syscallhdr.sh', 'scripts/syscalltbl.sh'];

/**
 * Writes @content at @path unless it is already there, replacing a symbolic link with a file.
 * Unchanged files keep their time stamps, so an incremental kernel build stays incremental.
 */
function writeIfChanged(path, content) {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    // not there yet
  }
  if (stat?.isFile() && readFileSync(path).equals(Buffer.from(content))) return false;
  if (stat) unlinkSync(path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return true;
}

/** Makes (or reuses) the link tree of @source at @overlay. */
export function linkTree(source, overlay) {
  const mark = join(overlay, SOURCE_MARK);
  if (existsSync(mark) && readFileSync(mark, 'utf8') === source) return false;
  rmSync(overlay, { recursive: true, force: true });
  mkdirSync(dirname(overlay), { recursive: true });
  const copy = spawnSync('cp', ['-as', source, overlay], { encoding: 'utf8' });
  if (copy.status !== 0) throw new Error(`cp -as ${source} ${overlay}: ${copy.stderr.trim()}`);
  writeFileSync(mark, source);
  return true;
}

/**
 * Puts syscalltbl's output into the tree: the .tbl files and the stub source, the line that
 * builds the stubs into kernel/Makefile, and the header-script shims (kbuild-shim.sh) that
 * install @generated's headers, each checked against the kernel's own script. Returns the
 * paths that changed.
 */
export function installGenerated({ overlay, source, generated, shimTemplate, shimLog }) {
  const changed = [];
  const put = (path, content) => {
    if (writeIfChanged(join(overlay, path), content)) changed.push(path);
  };
  for (const path of INSTALLED_FROM_GENERATE) put(path, readFileSync(join(generated, path)));
  const kernelMakefile = readFileSync(join(source, 'kernel/Makefile'), 'utf8');
  put(
    'kernel/Makefile',
    `${kernelMakefile}\n# syscalltbl kernel e2e: the generated stub entry points\nobj-y += syscalltbl/\n`,
  );
  const template = readFileSync(shimTemplate, 'utf8');
  for (const script of HEADER_SCRIPTS) {
    put(
      script,
      template
        .replaceAll('@SCRIPT_NAME@', script)
        .replaceAll('@GENERATED@', generated)
        .replaceAll('@KERNEL_SCRIPT@', join(source, script))
        .replaceAll('@LOG@', shimLog),
    );
  }
  return changed;
}

// Where `syscalltbl generate --stubs` writes the stub C, relative to the output root (laid out
// like a kernel tree), and which template makes each file. The generator reads these; it must
// not hard-code its own.
import type { StubFiles } from './render-stubs.js';

/** The registration API, included by modules as `<linux/syscalltbl_stubs.h>`. */
export const STUB_HEADER_PATH = 'include/linux/syscalltbl_stubs.h';
/** The stub entry points and the registry; built into the kernel. */
export const STUB_SOURCE_PATH = 'kernel/syscalltbl/syscalltbl_stubs.c';
/** `obj-y += syscalltbl_stubs.o`; kernel/Makefile needs one line: `obj-y += syscalltbl/`. */
export const STUB_KBUILD_PATH = 'kernel/syscalltbl/Kbuild';

/** Output path of each rendered file, by its key in `StubFiles`. */
export const STUB_FILE_PATHS: Readonly<Record<keyof StubFiles, string>> = {
  header: STUB_HEADER_PATH,
  source: STUB_SOURCE_PATH,
  kbuild: STUB_KBUILD_PATH,
};

/** Template of each file, relative to the templates directory. */
export const STUB_TEMPLATES: Readonly<Record<keyof StubFiles, string>> = {
  header: 'stubs/syscalltbl_stubs.h.hbs',
  source: 'stubs/syscalltbl_stubs.c.hbs',
  kbuild: 'stubs/Kbuild.hbs',
};

/** The native entry point a stub's table rows name (SYSCALL_DEFINEn makes the arch wrappers). */
export function stubEntry(name: string): string {
  return `sys_${name}`;
}

/** The compat entry point, on ABIs with a compat column, for stubs declared `compat`. */
export function stubCompatEntry(name: string): string {
  return `compat_sys_${name}`;
}

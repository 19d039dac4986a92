// Renders the module-stub C (registration API header, stub entry points and registry, Kbuild
// fragment) from stub declarations through templates/stubs/*.hbs. Plain data in, file contents
// out: reading templates is the only I/O, writing is the caller's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { type Diagnostic, UserError } from '../common/diagnostics.js';
import type { Param } from '../spec/model.js';
import { checkStubs } from './check-stubs.js';
import { STUB_TEMPLATES } from './paths.js';
import { buildStubsView, type StubsView } from './stub-view.js';

export interface StubSyscall {
  name: string;
  params: Param[];
  /** Emit a compat entry point (COMPAT_SYSCALL_DEFINEn) for 32-bit callers on 64-bit kernels. */
  compat: boolean;
  reason?: string;
}

/** File contents; STUB_FILE_PATHS (paths.ts) says where each goes. */
export interface StubFiles {
  header: string;
  source: string;
  kbuild: string;
}

/**
 * The stub files for `stubs`, in any order (output is sorted by name). Throws UserError when a
 * declaration cannot become C (see checkStubs); `source` names the spec in those diagnostics.
 */
export function renderStubFiles(
  stubs: StubSyscall[],
  templatesDir: string,
  source = 'syscalls.yaml',
): StubFiles {
  const problems = checkStubs(stubs);
  if (problems.length > 0) {
    throw new UserError(
      problems.map(
        (p): Diagnostic => ({
          code: p.code,
          severity: 'error',
          message: p.message,
          hint: p.hint,
          file: source,
        }),
      ),
    );
  }
  const view = buildStubsView(stubs);
  return {
    header: renderTemplate(templatesDir, STUB_TEMPLATES.header, view),
    source: renderTemplate(templatesDir, STUB_TEMPLATES.source, view),
    kbuild: renderTemplate(templatesDir, STUB_TEMPLATES.kbuild, view),
  };
}

function renderTemplate(templatesDir: string, name: string, view: StubsView): string {
  const path = join(templatesDir, name);
  // noEscape: this is C, `&` and `<` are operators. strict: a misspelt field is an error, not
  // silently empty C.
  const template = Handlebars.compile(readFileSync(path, 'utf8'), { noEscape: true, strict: true });
  return template(view);
}

// Checks stub declarations before any C is written: every name and type is pasted into C, so
// each must be a plain identifier or type, and each signature must fit a system call.
// Problems are data (a stable code and its message); callers attach positions and render them.
import { compatParam } from './compat-param.js';
import type { StubSyscall } from './render-stubs.js';

export type StubProblemCode =
  | 'stub-bad-name'
  | 'stub-duplicate'
  | 'stub-too-many-params'
  | 'stub-bad-param'
  | 'stub-duplicate-param'
  | 'stub-compat-param'
  | 'stub-bad-reason';

export interface StubProblem {
  code: StubProblemCode;
  /** The stub's name. */
  stub: string;
  /** Index of the parameter concerned, when one is. */
  param?: number;
  message: string;
  hint: string;
}

/** SYSCALL_DEFINE0..6 exist; a seventh argument has no register on most ABIs. */
export const MAX_STUB_PARAMS = 6;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TYPE = /^[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*( ?\*+)?$/;

/** Every problem in `stubs`, in input order; empty when they can be rendered. */
export function checkStubs(stubs: readonly StubSyscall[]): StubProblem[] {
  const problems: StubProblem[] = [];
  const seen = new Set<string>();
  for (const stub of stubs) {
    const add = (code: StubProblemCode, message: string, hint: string, param?: number): void => {
      problems.push({
        code,
        stub: stub.name,
        message,
        hint,
        ...(param === undefined ? {} : { param }),
      });
    };
    if (!IDENT.test(stub.name) || stub.name.length > 48) {
      add(
        'stub-bad-name',
        `stub name \`${stub.name}\` is not a C identifier`,
        'use letters, digits and `_`, not starting with a digit',
      );
    }
    if (seen.has(stub.name))
      add('stub-duplicate', `stub \`${stub.name}\` is declared twice`, 'declare each stub once');
    seen.add(stub.name);
    if (stub.reason !== undefined && (/[\n\r]/.test(stub.reason) || stub.reason.includes('*/'))) {
      add(
        'stub-bad-reason',
        `the reason of \`${stub.name}\` must be one line without \`*/\``,
        'it is copied into a C comment',
      );
    }
    if (stub.params.length > MAX_STUB_PARAMS) {
      add(
        'stub-too-many-params',
        `\`${stub.name}\` has ${stub.params.length} parameters; a system call has at most ${MAX_STUB_PARAMS}`,
        'pass the rest in a structure through a __user pointer',
      );
    }
    const names = new Set<string>();
    stub.params.forEach((param, i) => {
      if (!TYPE.test(param.type)) {
        add(
          'stub-bad-param',
          `parameter ${i + 1} of \`${stub.name}\` has type \`${param.type}\`, not a plain C type`,
          'write it as e.g. `int __user *` (no arrays or function pointers)',
          i,
        );
      }
      if (param.name !== '' && !IDENT.test(param.name)) {
        add(
          'stub-bad-param',
          `parameter ${i + 1} of \`${stub.name}\` is named \`${param.name}\`, not a C identifier`,
          'use letters, digits and `_`',
          i,
        );
      }
      const name = paramName(param.name, i);
      if (names.has(name))
        add(
          'stub-duplicate-param',
          `\`${stub.name}\` has two parameters named \`${name}\``,
          'rename one of them',
          i,
        );
      names.add(name);
      const compat = stub.compat ? compatParam(param.type) : undefined;
      if (compat && 'error' in compat) {
        add(
          'stub-compat-param',
          `parameter ${i + 1} of \`${stub.name}\`: ${compat.error}`,
          'pass it through a __user pointer, or declare the stub without compat',
          i,
        );
      }
    });
  }
  return problems;
}

/** The name a parameter gets in C: its own, or `argN` (1-based) when the spec names none. */
export function paramName(name: string, index: number): string {
  return name === '' ? `arg${index + 1}` : name;
}

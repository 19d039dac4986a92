// The shape of a rule: metadata (typed message ids) and a check that reports through a context.
import type { RuleContext } from '../engine/context.js';
import type { RuleMeta } from '../types.js';

export interface Rule<MessageIds extends string = string> {
  meta: RuleMeta<MessageIds>;
  // Method syntax on purpose: a rule with narrow message ids still fits `Rule[]`.
  check(context: RuleContext<MessageIds>): void;
}

/** The fix every rule points at: the stub interface instead of the table. */
export const STUB_FIX =
  'Provide the syscall through a generated stub: declare it as a stub in syscalls.yaml, run `syscalltbl generate --stubs`, and register a handler from your module (see examples/streams/).';

/** For rules about hooking rather than providing a syscall. */
export const HOOK_FIX = `${STUB_FIX} To observe or filter an existing syscall, use a sanctioned mechanism: ftrace, a kprobe on the function, a tracepoint, or an LSM hook.`;

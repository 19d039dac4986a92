// The fix hint made specific: a finding that writes the slot of a syscall the spec knows says
// what to do about that syscall — register the stub's handler, declare a reserved slot a stub,
// or, for a syscall the kernel implements, observe it the sanctioned way instead.
import type { Spec, Syscall } from '../spec/model.js';

const EXAMPLE = 'see examples/streams/';

function fixFor(s: Syscall, specFile: string): string {
  const register = `syscalltbl_register_${s.name}()`;
  if (s.stub)
    return `${s.name} is a module stub in ${specFile}: instead of writing its slot, register a handler with ${register} from <linux/syscalltbl_stubs.h>, in a kernel whose tables \`syscalltbl generate --stubs\` wrote (${EXAMPLE}).`;
  if (s.reserved)
    return `${s.name} is a reserved slot in ${specFile}: declare it a module stub (\`stub:\` with its signature), run \`syscalltbl generate --stubs\`, and register a handler with ${register} (${EXAMPLE}).`;
  const entry =
    s.rows.find((r) => r.entry && r.entry !== 'sys_ni_syscall')?.entry ?? `sys_${s.name}`;
  return `${s.name} is implemented by the kernel (${entry}): a module must not replace it. To observe or filter it, use ftrace or a kprobe on its entry point, the sys_enter/sys_exit tracepoints, or an LSM hook; to provide a syscall of its own, register a handler for a stub the spec declares in a reserved slot (${EXAMPLE}).`;
}

/** Per syscall name the spec knows: what to do instead of writing its slot. */
export function stubFixes(
  names: Iterable<string>,
  spec: Spec,
  specFile: string,
): Map<string, string> {
  const wanted = new Set(names);
  const out = new Map<string, string>();
  for (const s of spec.syscalls) if (wanted.has(s.name)) out.set(s.name, fixFor(s, specFile));
  return out;
}

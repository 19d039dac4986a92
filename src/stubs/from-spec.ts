// Picks a spec's module stubs (syscalls with `stub:`) in the shape renderStubFiles takes.
import type { Spec } from '../spec/model.js';
import type { StubSyscall } from './render-stubs.js';

export function stubSyscallsFromSpec(spec: Spec): StubSyscall[] {
  return spec.syscalls.flatMap((s) =>
    s.stub
      ? [
          {
            name: s.name,
            params: s.params ?? [],
            compat: s.stub.compat === true,
            ...(s.stub.reason === undefined ? {} : { reason: s.stub.reason }),
          },
        ]
      : [],
  );
}

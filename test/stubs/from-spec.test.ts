// Stubs as the generator takes them from a spec: only syscalls with `stub:`, their params and
// compat flag; and the committed spec declares exactly the stubs of data/stubs.yaml.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import type { Spec } from '../../src/spec/model.js';
import { stubSyscallsFromSpec } from '../../src/stubs/from-spec.js';
import { loadStubDeclarations } from '../../src/stubs/load-stubs.js';
import { repoRoot } from '../helpers/run-cli.js';

describe('stubSyscallsFromSpec', () => {
  it('takes the stubs, their signatures and compat flags, and nothing else', () => {
    const spec: Spec = {
      kernel: '6.12.117',
      syscalls: [
        {
          name: 'read',
          reserved: false,
          rows: [],
          params: [{ decl: 'unsigned int fd', type: 'unsigned int', name: 'fd' }],
        },
        {
          name: 'getpmsg',
          reserved: true,
          rows: [],
          stub: { reason: 'STREAMS', compat: true },
          params: [{ decl: 'int fd', type: 'int', name: 'fd' }],
        },
        { name: 'tuxcall', reserved: true, rows: [], stub: {} },
      ],
    };
    expect(stubSyscallsFromSpec(spec)).toEqual([
      {
        name: 'getpmsg',
        params: [{ decl: 'int fd', type: 'int', name: 'fd' }],
        compat: true,
        reason: 'STREAMS',
      },
      { name: 'tuxcall', params: [], compat: false },
    ]);
  });

  it('finds in the committed spec exactly the stubs of data/stubs.yaml', async () => {
    const { spec } = await loadSpec({ spec: join(repoRoot, 'syscalls.yaml'), cache: false });
    const strip = (stubs: ReturnType<typeof stubSyscallsFromSpec>) =>
      stubs
        .map((s) => ({ ...s, params: s.params.map((p) => ({ type: p.type, name: p.name })) }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(strip(stubSyscallsFromSpec(spec))).toEqual(strip(loadStubDeclarations()));
  });
});

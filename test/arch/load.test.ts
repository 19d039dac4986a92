// Architecture descriptors: the bundled ones load and are consistent; a broken one is reported
// at file:line:col; the precompiled validators are pure ESM.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchSet } from '../../src/arch/load.js';
import { UserError } from '../../src/common/diagnostics.js';
import { repoRoot } from '../helpers/run-cli.js';

describe('arch descriptors', () => {
  it('the bundled set has every ABI, each reading a defined table', () => {
    const set = loadArchSet();
    expect([...set.abis.keys()].sort()).toEqual(
      [
        'i386',
        'x86_64',
        'x32',
        'arm_oabi',
        'arm_eabi',
        'arm64',
        'arm64_compat',
        'ppc32',
        'ppc64',
        'spu',
        's390',
        's390x',
        'alpha',
        'loongarch64',
        'm68k',
        'microblaze',
        'mips_o32',
        'mips_n32',
        'mips_n64',
        'parisc32',
        'parisc64',
        'riscv32',
        'riscv64',
        'sh',
        'sparc32',
        'sparc64',
        'xtensa',
        'arc',
        'csky',
        'hexagon',
        'nios2',
        'openrisc',
      ].sort(),
    );
    for (const abi of set.abis.values()) expect(set.tables.has(abi.table), abi.name).toBe(true);
    expect(set.abis.get('x32')?.offset).toEqual({ symbol: '__X32_SYSCALL_BIT', value: 0x40000000 });
    expect(set.abis.get('mips_n32')?.offset).toEqual({ symbol: '__NR_Linux', value: 6000 });
    expect(set.abis.get('arm_oabi')?.offset).toEqual({
      symbol: '__NR_SYSCALL_BASE',
      value: 0x900000,
    });
  });

  it('a broken descriptor is reported at each problem, all at once', () => {
    let error: unknown;
    try {
      loadArchSet(join(repoRoot, 'test', 'fixtures', 'arch', 'broken'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const found = (error as UserError).diagnostics.map(
      (d) => `${d.position?.line}:${d.position?.column} ${d.message}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^6:11 .*path: must be a relative path without \. or \.\. segments/),
        expect.stringMatching(/^7:13 .*compat: must be boolean/),
        expect.stringMatching(/^15:11 .*bits: must be one of: 32, 64/),
      ]),
    );
  });

  it('the compiled validators contain no CommonJS require', () => {
    const dir = join(repoRoot, 'src', 'generated');
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/\brequire\(/);
  });
});

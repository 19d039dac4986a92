// pathResolver: outputs stay inside --out, whatever the descriptor says and whatever links the
// existing output tree holds.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/common/diagnostics.js';
import { pathResolver } from '../../src/emit/safe-path.js';
import { tempDir } from './helpers/tree.js';

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n');
  }
  throw new Error('not refused');
}

describe('pathResolver', () => {
  const root = tempDir();
  const out = join(root, 'out');
  mkdirSync(join(out, 'arch'), { recursive: true });
  mkdirSync(join(root, 'elsewhere'));
  mkdirSync(join(out, 'inside'));
  symlinkSync(join(root, 'elsewhere'), join(out, 'arch', 'x86'));
  symlinkSync(join(out, 'inside'), join(out, 'arch', 'arm'));
  symlinkSync(join(root, 'nowhere'), join(out, 'arch', 'dangling'));
  const inside = pathResolver(out);

  it('resolves plain relative paths below the root', () => {
    expect(inside('arch/s390/include/generated/asm/x.h', 'd')).toBe(
      join(out, 'arch/s390/include/generated/asm/x.h'),
    );
  });
  it.each([
    ['../x.h', 'climbs out with ..'],
    ['arch/../../x.h', 'climbs out with ..'],
    ['/etc/passwd', 'is absolute'],
    ['', 'is empty'],
  ])('refuses %j (%s)', (path, why) => {
    expect(refused(() => inside(path, 'arch/toy.yaml'))).toContain(why);
  });
  it('refuses a path through a link that leads outside', () => {
    expect(refused(() => inside('arch/x86/include/generated/x.h', 'd'))).toMatch(
      /output-escapes-out: .*symbolic link out of --out/,
    );
  });
  it('refuses a path through a dangling link', () => {
    expect(refused(() => inside('arch/dangling/x.h', 'd'))).toContain('dangling symbolic link');
  });
  it('follows a link that stays inside', () => {
    expect(inside('arch/arm/include/x.h', 'd')).toBe(join(out, 'arch/arm/include/x.h'));
  });
  it('accepts anything relative when the root does not exist yet', () => {
    expect(pathResolver(join(root, 'fresh'))('a/b.h', 'd')).toBe(join(root, 'fresh', 'a/b.h'));
  });
});

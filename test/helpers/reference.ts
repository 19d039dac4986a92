// The kernel reference data in ../shared (tables, expected headers) and optional Debian
// packages that some tests use when present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

/**
 * The reference: $SYSCALLTBL_REFERENCE, else ../shared/reference/linux-6.12.117 beside the
 * repository (where CI and every checkout here have it). Required data: tests that use it fail
 * loudly rather than skip when it is missing.
 */
export const referenceRoot = ((): string => {
  const candidates = [
    process.env.SYSCALLTBL_REFERENCE,
    join(repoRoot, '..', 'shared', 'reference', 'linux-6.12.117'),
  ];
  const found = candidates.find((c): c is string => !!c && existsSync(join(c, 'tbl')));
  if (!found)
    throw new Error(
      `kernel reference data not found (tried ${candidates.filter(Boolean).join(', ')}); set SYSCALLTBL_REFERENCE`,
    );
  return found;
})();
export const referenceTbl = join(referenceRoot, 'tbl');
export const referenceExpected = join(referenceRoot, 'expected');

/** A Linux 6.12 source tree: $SYSCALLTBL_LINUX_SRC, else Debian's extracted linux-source-6.12. */
export function linuxSourceTree(): string | undefined {
  const candidates = [process.env.SYSCALLTBL_LINUX_SRC, '/usr/src/linux-source-6.12'];
  return candidates.find(
    (c): c is string => !!c && existsSync(join(c, 'scripts', 'syscalltbl.sh')),
  );
}

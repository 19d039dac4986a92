// The kernel reference data in ../shared (tables, expected headers) and optional Debian
// packages that some tests use when present.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

export const referenceRoot = join(repoRoot, '..', 'shared', 'reference', 'linux-6.12.117');
export const referenceTbl = join(referenceRoot, 'tbl');
export const referenceExpected = join(referenceRoot, 'expected');

/** A Linux 6.12 source tree: $SYSCALLTBL_LINUX_SRC, else Debian's extracted linux-source-6.12. */
export function linuxSourceTree(): string | undefined {
  const candidates = [process.env.SYSCALLTBL_LINUX_SRC, '/usr/src/linux-source-6.12'];
  return candidates.find(
    (c): c is string => !!c && existsSync(join(c, 'scripts', 'syscalltbl.sh')),
  );
}

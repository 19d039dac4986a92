// `--arch a,b`: which architectures a run generates. `generic` is an architecture like the
// others: it owns scripts/syscall.tbl.
import type { ArchDescriptor, ArchSet } from '../arch/model.js';
import { UserError } from '../common/diagnostics.js';

export function selectArches(arches: ArchSet, option: string | undefined): ArchDescriptor[] {
  if (option === undefined) return [...arches.arches];
  const wanted = option
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const known = arches.arches.map((a) => a.arch).sort();
  const unknown = wanted.filter((w) => !known.includes(w));
  if (wanted.length === 0 || unknown.length > 0) {
    throw new UserError({
      code: 'arch-unknown',
      severity: 'error',
      message:
        wanted.length === 0
          ? '--arch names no architecture'
          : `unknown architecture${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
      hint: `known architectures: ${known.join(', ')}`,
      file: '--arch',
    });
  }
  return arches.arches.filter((a) => wanted.includes(a.arch));
}

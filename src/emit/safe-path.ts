// Keeps every output inside --out: no absolute paths, no `..`, and no symbolic link (in the
// output tree already on disk) that leads outside it. Descriptors are checked by their schema
// too; this is the last word, because it also sees the disk.
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { UserError } from '../common/diagnostics.js';

function escapes(rel: string, origin: string, why: string): UserError {
  return new UserError({
    code: 'output-escapes-out',
    severity: 'error',
    message: `output path "${rel}" ${why}; nothing was written`,
    hint: 'output paths are relative, without .. segments, and stay inside --out',
    file: origin,
  });
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** The deepest path at or above `path` that exists (lstat), or undefined. */
function deepestExisting(path: string, stop: string): string | undefined {
  let current = path;
  for (;;) {
    try {
      lstatSync(current);
      return current;
    } catch {
      if (current === stop) return undefined;
      const parent = dirname(current);
      if (parent === current) return undefined;
      current = parent;
    }
  }
}

/**
 * Resolves output paths below `root`; throws UserError for any that would land outside. `root`
 * need not exist yet (then nothing below it can be a link).
 */
export function pathResolver(root: string): (rel: string, origin: string) => string {
  let realRoot: string | undefined;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = undefined;
  }
  return (rel, origin) => {
    if (rel === '' || rel.includes('\0')) throw escapes(rel, origin, 'is empty or contains NUL');
    if (isAbsolute(rel)) throw escapes(rel, origin, 'is absolute');
    if (rel.split(/[/\\]/).some((segment) => segment === '..'))
      throw escapes(rel, origin, 'climbs out with ..');
    const target = join(root, rel);
    if (realRoot === undefined) return target;
    const existing = deepestExisting(target, root);
    if (existing !== undefined && existing !== root) {
      let real: string;
      try {
        real = realpathSync(existing);
      } catch {
        throw escapes(rel, origin, `goes through a dangling symbolic link (${existing})`);
      }
      if (!inside(realRoot, real))
        throw escapes(
          rel,
          origin,
          `goes through a symbolic link out of --out (${existing} -> ${real})`,
        );
    }
    return target;
  };
}

// How every output names the spec it came from: deterministic, never a machine's absolute path.
import { basename, isAbsolute } from 'node:path';

/** The path as the user gave it when relative, else its basename (`syscalls.yaml`). */
export function specDisplayName(file: string): string {
  return isAbsolute(file) ? basename(file) : file.split('\\').join('/');
}

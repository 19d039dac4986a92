// Reads a user's text file defensively: missing, unreadable, too large, NUL bytes and invalid
// UTF-8 each become one clear diagnostic instead of a stack trace or silent replacement.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { type Diagnostic, fileDiagnostic, UserError } from './diagnostics.js';

export interface SourceText {
  /** Path as shown to the user. */
  file: string;
  /** The text, without a leading byte-order mark. */
  text: string;
  /** The raw bytes (for content hashing). */
  bytes: Buffer;
}

/** 1-based line and column of a byte offset in raw bytes (columns count characters). */
function positionOfByte(
  bytes: Buffer,
  offset: number,
): { line: number; column: number; sourceLine: string } {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  let lineEnd = bytes.indexOf(0x0a, offset);
  if (lineEnd < 0) lineEnd = bytes.length;
  const before = bytes.subarray(lineStart, offset).toString('utf8');
  const sourceLine = bytes.subarray(lineStart, Math.min(lineEnd, lineStart + 400)).toString('utf8');
  return { line, column: [...before].length + 1, sourceLine };
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Buffer): number {
  // The native check first: valid files (nearly all) skip the byte loop, which only locates.
  if (isUtf8(bytes)) return -1;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function byteProblem(
  file: string,
  bytes: Buffer,
  offset: number,
  code: string,
  message: string,
  hint: string,
): Diagnostic {
  const { line, column, sourceLine } = positionOfByte(bytes, offset);
  return { code, severity: 'error', message, hint, file, position: { line, column }, sourceLine };
}

/**
 * The file's bytes, at most `maxBytes + 1` of them: a pipe or a device (`/dev/zero`) has no
 * size to check first, and must not be read for ever. `sizeHint` (the stat size) sizes the
 * first read, so a regular file takes one read and one more to see its end.
 */
function readBounded(path: string, maxBytes: number, sizeHint: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = total === 0 && sizeHint > 0 ? sizeHint + 1 : 1 << 20;
      const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) break;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and checks a text file; throws UserError with one diagnostic on any problem.
 * `notFoundHint` says what to do when there is no such file.
 */
export function readSourceText(
  path: string,
  file: string,
  maxBytes: number,
  notFoundHint = 'check the path',
): SourceText {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      throw new UserError(
        fileDiagnostic(
          file,
          'file-is-directory',
          'is a directory, not a file',
          'give the path of a YAML file',
        ),
      );
    }
    size = stat.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? fileDiagnostic(file, 'file-not-found', 'no such file', notFoundHint)
        : fileDiagnostic(
            file,
            'file-unreadable',
            `cannot read the file (${code ?? 'error'})`,
            'check its permissions',
          ),
    );
  }
  if (size > maxBytes) {
    throw new UserError(
      fileDiagnostic(
        file,
        'file-too-large',
        `file is ${size} bytes; the limit is ${maxBytes}`,
        'split the input, or check that this is the right file',
      ),
    );
  }
  let bytes: Buffer;
  try {
    bytes = readBounded(path, maxBytes, size);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      fileDiagnostic(
        file,
        'file-unreadable',
        `cannot read the file (${code ?? 'error'})`,
        'check its permissions',
      ),
    );
  }
  if (bytes.length > maxBytes) {
    throw new UserError(
      fileDiagnostic(
        file,
        'file-too-large',
        `file is over ${maxBytes} bytes, the limit`,
        'split the input, or check that this is the right file',
      ),
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new UserError(
      byteProblem(
        file,
        bytes,
        nul,
        'nul-byte',
        'file contains a NUL byte',
        'a YAML file is text; remove the NUL byte (is this a binary file?)',
      ),
    );
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    throw new UserError(
      byteProblem(
        file,
        bytes,
        invalid,
        'invalid-utf8',
        `byte 0x${(bytes[invalid] as number).toString(16).padStart(2, '0')} is not valid UTF-8`,
        'save the file as UTF-8',
      ),
    );
  }
  let text = bytes.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { file, text, bytes };
}

// A file's bytes as text: UTF-8, else Latin-1 (old modules carry Latin-1 comments; one byte per
// character keeps every column right, so the file is still linted rather than dropped).
import { isAscii } from 'node:buffer';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // Nearly every file is ASCII, which reads the same in both: one check, one copy.
  if (isAscii(bytes)) return buffer.toString('latin1');
  // The decoder drops a UTF-8 byte-order mark, so line 1's columns count from the character
  // after it, as editors and compilers show them.
  try {
    return utf8.decode(bytes);
  } catch {
    return buffer.toString('latin1');
  }
}

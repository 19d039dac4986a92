// A file's bytes as text: UTF-8, else Latin-1 (old modules carry Latin-1 comments; one byte per
// character keeps every column right, so the file is still linted rather than dropped).
import { isAscii } from 'node:buffer';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decode(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // Nearly every file is ASCII, which reads the same in both: one check, one copy.
  if (isAscii(bytes)) return buffer.toString('latin1');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    text = buffer.toString('latin1');
  }
  // A byte-order mark becomes a space, so offsets and columns stay those of the file.
  if (text.charCodeAt(0) === 0xfeff) text = ` ${text.slice(1)}`;
  return text;
}

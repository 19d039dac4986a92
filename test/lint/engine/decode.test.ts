// decode: UTF-8 where the bytes are UTF-8, Latin-1 otherwise; ASCII by a shortcut.
import { describe, expect, it } from 'vitest';
import { decode } from '../../../src/lint/engine/decode.js';

describe('decode', () => {
  it('reads ASCII, UTF-8 and Latin-1 bytes', () => {
    expect(decode(Buffer.from('int x; /* ok */\n'))).toBe('int x; /* ok */\n');
    expect(decode(Buffer.from('/* café */ int x;', 'utf8'))).toBe('/* café */ int x;');
    expect(decode(Buffer.from('/* café */ int x;', 'latin1'))).toBe('/* café */ int x;');
    // The UTF-8 decoder drops a byte-order mark: line 1's columns are those an editor shows.
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x6e, 0x74]))).toBe('int');
    expect(decode(new Uint8Array(0))).toBe('');
  });

  it('reads a view into a larger buffer by its own bytes', () => {
    const whole = Buffer.from('xxint y;yy');
    expect(decode(new Uint8Array(whole.buffer, whole.byteOffset + 2, 6))).toBe('int y;');
  });
});

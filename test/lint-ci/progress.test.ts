// --progress draws on a terminal only, never in CI, at most every 100 ms, and erases itself.
import { describe, expect, it } from 'vitest';
import { createProgress, isCi } from '../../src/lint/progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (t: string) => writes.push(t) };
}

describe('progress', () => {
  it('is off when stderr is not a terminal or CI is set', () => {
    expect(createProgress(stream(false), {})).toBeUndefined();
    expect(createProgress(stream(true), { CI: 'true' })).toBeUndefined();
    expect(createProgress(stream(true), { CI: '1' })).toBeUndefined();
    expect(createProgress(stream(true), {})).toBeDefined();
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({ CI: '' })).toBe(false);
  });

  it('throttles redraws by the clock but always draws the last one, then erases', () => {
    const s = stream(true);
    let now = 0;
    const p = createProgress(s, {}, () => now);
    p?.update(1, 300);
    now = 50;
    p?.update(2, 300); // too soon
    now = 150;
    p?.update(3, 300);
    now = 151;
    p?.update(300, 300); // the last is always drawn
    p?.finish();
    expect(s.writes).toEqual([
      '\r\u001b[2Klinting 1/300 files (0%)',
      '\r\u001b[2Klinting 3/300 files (1%)',
      '\r\u001b[2Klinting 300/300 files (100%)',
      '\r\u001b[2K',
    ]);
  });

  it('erases nothing when it never drew', () => {
    const s = stream(true);
    createProgress(s, {})?.finish();
    expect(s.writes).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkPaths } from '../../../src/lint/engine/walk.js';

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'walk-'));
  mkdirSync(join(dir, 'sub'));
  for (const f of ['b.c', 'a.h', 'notes.txt', 'sub/c.c', 'x.mod.c'])
    writeFileSync(join(dir, f), '');
  return dir;
}

describe('walkPaths', () => {
  it('takes a file named again beside its directory once, whichever comes first', () => {
    const dir = tree();
    const rels = (paths: string[]) => walkPaths(paths, dir, () => true).files.map((f) => f.rel);
    expect(rels([dir, join(dir, 'a.h')])).toEqual(['a.h', 'b.c', 'sub/c.c']);
    expect(rels([join(dir, 'sub', 'c.c'), dir])).toEqual(['sub/c.c', 'a.h', 'b.c']);
  });

  it('walks one path into each file once, a symlinked directory inside it included', () => {
    const dir = tree();
    symlinkSync(join(dir, 'sub'), join(dir, 'again'));
    const { files, skipped } = walkPaths([dir], dir, () => true);
    // `again` sorts first: the directory is walked through it, and `sub` is the duplicate.
    expect(files.map((f) => f.rel)).toEqual(['a.h', 'again/c.c', 'b.c']);
    expect(skipped.map((s) => s.file)).toEqual(['sub']);
  });

  it('tells once, when it has found more files than the milestone, and never for fewer', () => {
    const dir = tree();
    const calls: number[] = [];
    const seen = (count: number) =>
      walkPaths([dir], dir, () => true, { count, reached: () => calls.push(count) });
    seen(2);
    seen(3);
    seen(1);
    // Three files (a.h, b.c, sub/c.c): past 2 and past 1, each once; never past 3.
    expect(calls).toEqual([2, 1]);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkPaths } from '../../../src/lint/engine/walk.js';

describe('walkPaths', () => {
  it('reports the running count of files taken, once per file, in walk order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'walk-'));
    mkdirSync(join(dir, 'sub'));
    for (const f of ['b.c', 'a.h', 'notes.txt', 'sub/c.c', 'x.mod.c'])
      writeFileSync(join(dir, f), '');
    const counts: number[] = [];
    const { files } = walkPaths(
      [dir, join(dir, 'a.h')],
      dir,
      () => true,
      (n) => counts.push(n),
    );
    expect(files.map((f) => f.rel)).toEqual(['a.h', 'b.c', 'sub/c.c']);
    // a.h named again explicitly is not taken twice, so not counted twice.
    expect(counts).toEqual([1, 2, 3]);
  });

  it('does not count files the filter leaves out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'walk-'));
    for (const f of ['a.c', 'b.c', 'c.c']) writeFileSync(join(dir, f), '');
    const counts: number[] = [];
    walkPaths(
      [dir],
      dir,
      (rel) => rel !== 'b.c',
      (n) => counts.push(n),
    );
    expect(counts).toEqual([1, 2]);
  });
});

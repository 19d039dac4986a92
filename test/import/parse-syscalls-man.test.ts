// The syscalls(2) importer: the version table and man page names, on a small fixture and on
// Debian's real page (manpages-dev) when it is installed.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSyscallsManPage, resolveManPage } from '../../src/import/parse-syscalls-man.js';
import { linkedPage, readManPages } from '../../src/import/read-kernel.js';
import { repoRoot } from '../helpers/run-cli.js';

const fixtureDir = join(repoRoot, 'test', 'fixtures', 'docs', 'man', 'man2');
const REAL_PAGE = '/usr/share/man/man2/syscalls.2.gz';
const hasRealPage = existsSync(REAL_PAGE);

describe('parseSyscallsManPage on the fixture', () => {
  const entries = parseSyscallsManPage(readFileSync(join(fixtureDir, 'syscalls.2'), 'utf8'));

  it('reads every row of the table, and nothing outside it', () => {
    expect([...entries.keys()].sort()).toEqual([
      '_llseek',
      'accept',
      'chown32',
      'openat',
      'pread64',
      'spill',
      'trailingdot',
    ]);
  });

  it('takes the version from an "Added as" note when the kernel column is empty', () => {
    expect(entries.get('pread64')).toEqual({ since: '2.2' });
    expect(entries.has('noversion')).toBe(false);
  });

  it('takes the kernel column, ignoring notes and T{ blocks', () => {
    expect(entries.get('_llseek')).toEqual({ since: '1.2' });
    expect(entries.get('accept')).toEqual({ since: '2.0' });
    expect(entries.get('spill')).toEqual({ since: '2.6.13' });
  });

  it('keeps the first row of a name that appears twice', () => {
    expect(entries.get('openat')).toEqual({ since: '2.6.16' });
  });

  it('drops a trailing dot from a version (the page writes "2.6." for some)', () => {
    expect(entries.get('trailingdot')).toEqual({ since: '2.6' });
  });
});

describe('resolveManPage', () => {
  const pages: Record<string, string> = {
    chown: '.TH chown 2\n',
    chown32: '.so man2/chown.2\n',
    fchown32: '.so man2/chown32.2\n',
    loop: '.so man2/loop.2\n',
    a: '.so man2/b.2\n',
    b: '.so man2/c.2\n',
    c: '.so man2/d.2\n',
    d: '.so man2/e.2\n',
    e: '.so man2/f.2\n',
    f: '.TH f 2\n',
  };
  const read = (name: string) => pages[name];

  it('is the page itself when it is a real page', () => {
    expect(resolveManPage('chown', read)).toBe('chown(2)');
  });

  it('follows .so links, also chained', () => {
    expect(resolveManPage('chown32', read)).toBe('chown(2)');
    expect(resolveManPage('fchown32', read)).toBe('chown(2)');
  });

  it('is undefined when there is no page', () => {
    expect(resolveManPage('nosuchpage', read)).toBeUndefined();
  });

  it('stops on a page that includes itself, and after a few hops', () => {
    expect(resolveManPage('loop', read)).toBe('loop(2)');
    expect(resolveManPage('a', read)).toBe('e(2)');
  });
});

describe('readManPages on a folder like /usr/share/man/man2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syscalltbl-man-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const man2 = join(dir, 'man2');
  mkdirSync(join(dir, 'man3'), { recursive: true });
  cpSync(fixtureDir, man2, { recursive: true });
  // Debian's dh_installman replaces `.so` pages with symlinks, some into another section.
  symlinkSync('chown.2', join(man2, 'lchown32.2'));
  symlinkSync('../man3/mq_open.3.gz', join(man2, 'mq_open.2.gz'));
  const man = readManPages(join(man2, 'syscalls.2'));

  it('joins versions and resolved page names', () => {
    expect(man.get('chown32')).toEqual({ since: '2.4', page: 'chown(2)' });
    expect(man.get('fchown32')).toEqual({ page: 'chown(2)' });
    expect(man.get('openat')).toEqual({ since: '2.6.16' });
    // A page that includes itself is its own page, not a hang.
    expect(man.get('selfloop')).toEqual({ page: 'selfloop(2)' });
  });

  it('follows symlinked pages, into other sections too', () => {
    expect(linkedPage(join(man2, 'lchown32.2'))).toBe('chown(2)');
    expect(man.get('lchown32')).toEqual({ page: 'chown(2)' });
    expect(man.get('mq_open')).toEqual({ page: 'mq_open(3)' });
    expect(linkedPage(join(man2, 'chown.2'))).toBeUndefined();
  });
});

describe.skipIf(!hasRealPage)(
  `the real syscalls(2) (${hasRealPage ? REAL_PAGE : 'skipped: manpages-dev is not installed'})`,
  () => {
    const text = hasRealPage ? gunzipSync(readFileSync(REAL_PAGE)).toString('utf8') : '';
    const entries = parseSyscallsManPage(text);

    it('reads one entry per distinct name in the table', () => {
      // Independently: every line of the .TS/.TE block that starts a bold name(2) row.
      const table = text.slice(text.indexOf('\n.TS'), text.indexOf('\n.TE'));
      const names = new Set(
        table
          .split('\n')
          .map((l) => /^\\fB([A-Za-z0-9_]+)\\fP\(2\)\t/.exec(l)?.[1])
          .filter((n): n is string => n !== undefined),
      );
      expect(names.size).toBeGreaterThan(400);
      expect(new Set(entries.keys())).toEqual(names);
    });

    it('dates pread64 and pwrite64 by their "Added as" notes', () => {
      expect(entries.get('pread64')?.since).toBe('2.2');
      expect(entries.get('pwrite64')?.since).toBe('2.2');
    });

    it('has well-formed versions, and the ones the page states', () => {
      for (const [name, entry] of entries) {
        expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(entry.since).toMatch(/^[0-9]+(\.[0-9]+){0,3}$/);
      }
      expect(entries.get('execve')?.since).toBe('1.0');
      expect(entries.get('openat')?.since).toBe('2.6.16');
      expect(entries.get('chown32')?.since).toBe('2.4');
      expect(entries.get('execveat')?.since).toBe('3.19');
    });

    it('resolves aliases to the page that documents them', () => {
      const man = readManPages(REAL_PAGE);
      expect(man.get('openat')?.page).toBe('open(2)');
      expect(man.get('chown32')?.page).toBe('chown(2)');
      expect(man.get('fadvise64')?.page).toBe('posix_fadvise(2)');
    });
  },
);

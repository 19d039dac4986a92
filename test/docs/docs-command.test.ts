// `syscalltbl docs` through the built CLI on the fixture spec: Markdown, JSON and CSV against
// golden files (UPDATE_GOLDEN=1 rewrites them), the JSON against its schema, and bad input.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import validateDocs from '../../src/generated/validate-docs.js';
import { runCli } from '../helpers/run-cli.js';
import { expectGolden, fixtureArchDir, miniSpec } from './helpers/fixture.js';

const tmp = mkdtempSync(join(tmpdir(), 'syscalltbl-docs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function docs(...args: string[]) {
  const run = runCli(['docs', '--spec', miniSpec, '--arch-dir', fixtureArchDir, ...args]);
  expect(run.stderr.includes('internal error'), run.stderr).toBe(false);
  return run;
}

describe('docs --format md', () => {
  it('prints one document to stdout', () => {
    const run = docs('--format', 'md');
    expect(run.status).toBe(0);
    expectGolden('mini.md', run.stdout);
  });

  it('writes the index and one page per architecture into a folder', () => {
    const out = join(tmp, 'md');
    const run = docs('--format', 'md', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['README.md', 'arm.md', 'mips.md', 'x86.md']);
    for (const name of readdirSync(out))
      expectGolden(`mini-md/${name}`, readFileSync(join(out, name), 'utf8'));
  });

  it('writes one document to a .md path', () => {
    const out = join(tmp, 'one.md');
    expect(docs('--format', 'md', '--out', out).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(docs('--format', 'md').stdout);
  });

  it('escapes spec text: markup in a stub reason or the source stays text', () => {
    const md = docs('--format', 'md').stdout;
    expect(md).toContain(
      'OpenAFS afs\\_syscall \\| \\*pioctl\\* &lt;b&gt;setpag&lt;/b&gt; &amp; \\[x\\](y)',
    );
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('<kernel>');
  });

  it('links the index to anchors that exist in the single document', () => {
    const md = docs('--format', 'md').stdout;
    const anchors = new Set(
      [...md.matchAll(/^#+ (.+)$/gm)].map((m) =>
        (m[1] ?? '')
          .toLowerCase()
          .replace(/[^a-z0-9 _-]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const links = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(anchors, link).toContain(link);
  });
});

describe('docs --format json', () => {
  const run = docs('--format', 'json');
  const json = JSON.parse(run.stdout);

  it('matches its golden file', () => {
    expect(run.status).toBe(0);
    expectGolden('mini.json', run.stdout);
  });

  it('validates against schema/docs.schema.json', () => {
    const ok = validateDocs(json);
    expect(validateDocs.errors ?? [], JSON.stringify(validateDocs.errors)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('fails the schema when a cell loses a field', () => {
    const broken = structuredClone(json);
    delete broken.syscalls[0].abis[Object.keys(broken.syscalls[0].abis)[0] as string].number;
    expect(validateDocs(broken)).toBe(false);
  });

  it('names the kernel and the spec, as given', () => {
    expect(json).toMatchObject({
      format: 'syscalltbl-docs',
      version: 1,
      kernel: '6.12.117',
      spec: miniSpec,
    });
  });
});

describe('docs --format csv', () => {
  it('matches its golden file', () => {
    const run = docs('--format', 'csv');
    expect(run.status).toBe(0);
    expectGolden('mini.csv', run.stdout);
  });

  it('is one row per syscall and one column per ABI, after a comment naming the source', () => {
    const lines = docs('--format', 'csv').stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `# Linux 6.12.117 system call numbers by ABI (offsets applied), from ${miniSpec} by syscalltbl`,
    );
    expect(lines[1]).toBe('syscall,arm_oabi,arm_eabi,mips_o32,mips_n32,mips_n64,i386,x86_64,x32');
    expect(lines).toContain('execve,9437195,11,4011,6057,5057,11,59,1073742344');
    expect(lines).toHaveLength(2 + 10);
  });
});

describe('docs and bad input', () => {
  it('writes the same bytes every run and leaves unchanged files alone', () => {
    const out = join(tmp, 'again.json');
    expect(docs('--format', 'json', '--out', out).stderr).toContain('1 written');
    expect(docs('--format', 'json', '--out', out).stderr).toContain('1 unchanged');
  });

  it('rejects an invalid spec with a positioned diagnostic and exit 2, writing nothing', () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, "kernel: '6.12'\nsyscalls:\n  read:\n    tables: {x86/64: {common: -1}}\n");
    const out = join(tmp, 'never.html');
    const run = runCli([
      'docs',
      '--spec',
      bad,
      '--arch-dir',
      fixtureArchDir,
      '--format',
      'html',
      '--out',
      out,
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:4:/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('reports an output it cannot write as a user error', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const run = docs('--format', 'md', '--out', join(file, 'sub'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('docs-write');
  });

  it('refuses an unknown format', () => {
    expect(docs('--format', 'pdf').status).toBe(2);
  });
});

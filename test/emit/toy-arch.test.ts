// Adding an architecture or a layout is data: a toy descriptor and templates written to a
// temporary folder generate through --arch-dir/--templates with no code change. Output paths
// that would leave --out are refused, and nothing is written.
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { readTree, tempDir } from './helpers/tree.js';

const CALLING = `
    calling:
      instruction: trap
      numberRegister: r0
      argRegisters: [r1, r2, r3]
      returnRegister: r0
      return2Register: null
      errorRegister: null`;

function descriptor(outputs: string): string {
  return `arch: toy
title: A toy architecture
tableSymbols: [toy_call_table]
tables:
  toy:
    path: arch/toy/kernel/syscall.tbl
    compat: true
    tags: [common, '32', '64']
    header: |
      # The toy table.
      # <nr> <abi> <name> [<entry> [<compat> [noreturn]]]
abis:
  toy32:
    title: toy, 32-bit
    table: toy
    tags: [common, '32']
    bits: 32
    maxNr: 999
    manName: toy32${CALLING}
  toy64:
    title: toy, 64-bit
    table: toy
    tags: [common, '64']
    bits: 64
    maxNr: 999
    manName: toy64${CALLING}
outputs:
${outputs}`;
}

const OUTPUTS = `  - { template: syscallhdr, layout: numbers, path: uapi/asm/unistd_toy32.h, table: toy, tags: [common, '32'], params: { emitNr: true, prefix: toy_, offset: __TOY_BASE } }
  - { template: toy/c-array, layout: dispatch, path: toy_table_64.c, table: toy, tags: [common, '64'], params: { symbol: toy_call_table } }
  - { template: toy/count, layout: count-aligned, path: asm/toy_nr.h, table: toy }`;

const SPEC = `kernel: '6.12.117'
syscalls:
  read: {tables: {toy: {common: 0}}}
  write: {tables: {toy: {common: {nr: 1, compat: compat_sys_write}}}}
  exit: {tables: {toy: {common: {nr: 3, noreturn: true}}}}
  oldstat: {tables: {toy: {'32': {nr: 5, entry: sys_oldstat32}}}}
  stat: {tables: {toy: {'64': {nr: 5, entry: sys_newstat}}}}
  late: {tables: {toy: {common: 300}}}
`;

const C_ARRAY = `/* {{file.path}} ({{arch}}, table {{table.id}}, tags {{#each tags}}{{this}} {{/each}}) */
const void *{{params.symbol}}[{{count}}] = {
{{#each slots}}
{{#unless ni}}
	[{{nr}}] = {{entry}},{{#if compat}} /* compat {{compat}} */{{/if}}{{#if noreturn}} /* noreturn */{{/if}}
{{/unless}}
{{/each}}
};
`;

const COUNT = '#define TOY_NR_syscalls {{count}} /* aligned to {{align}} */\n';

function toyWorld(root: string, outputs = OUTPUTS) {
  const archDir = join(root, 'arch');
  const templates = join(root, 'templates');
  mkdirSync(join(templates, 'toy'), { recursive: true });
  mkdirSync(archDir, { recursive: true });
  writeFileSync(join(archDir, 'toy.yaml'), descriptor(outputs));
  writeFileSync(join(templates, 'toy', 'c-array.hbs'), C_ARRAY);
  writeFileSync(join(templates, 'toy', 'count.hbs'), COUNT);
  writeFileSync(join(root, 'syscalls.yaml'), SPEC);
  return ['--spec', join(root, 'syscalls.yaml'), '--arch-dir', archDir, '--templates', templates];
}

describe('a toy architecture from a descriptor and templates in a temporary folder', () => {
  const root = tempDir();
  const out = join(root, 'out');
  let args: string[] = [];
  let files = new Map<string, string>();

  beforeAll(() => {
    args = toyWorld(root);
    const run = runCli(['generate', ...args, '--out', out]);
    expect(run.stderr).toContain('wrote 4 files');
    expect(run.status).toBe(0);
    files = new Map([...readTree(out)].map(([p, b]) => [p, b.toString('utf8')]));
  });

  it('writes its table and its three outputs', () => {
    expect([...files.keys()].sort()).toEqual([
      'arch/toy/include/generated/asm/toy_nr.h',
      'arch/toy/include/generated/toy_table_64.c',
      'arch/toy/include/generated/uapi/asm/unistd_toy32.h',
      'arch/toy/kernel/syscall.tbl',
    ]);
  });

  it('a bundled template with new parameters (prefix, offset)', () => {
    expect(files.get('arch/toy/include/generated/uapi/asm/unistd_toy32.h')).toBe(
      [
        '#ifndef _UAPI_ASM_UNISTD_TOY32_H',
        '#define _UAPI_ASM_UNISTD_TOY32_H',
        '',
        '#define __NR_toy_read (__TOY_BASE + 0)',
        '#define __NR_toy_write (__TOY_BASE + 1)',
        '#define __NR_toy_exit (__TOY_BASE + 3)',
        '#define __NR_toy_oldstat (__TOY_BASE + 5)',
        '#define __NR_toy_late (__TOY_BASE + 300)',
        '',
        '#ifdef __KERNEL__',
        '#define __NR_toy_syscalls 301',
        '#endif',
        '',
        '#endif /* _UAPI_ASM_UNISTD_TOY32_H */',
        '',
      ].join('\n'),
    );
  });

  it('a new template over the dispatch layout', () => {
    expect(files.get('arch/toy/include/generated/toy_table_64.c')).toBe(
      [
        '/* toy_table_64.c (toy, table toy, tags common 64 ) */',
        'const void *toy_call_table[301] = {',
        '\t[0] = sys_read,',
        '\t[1] = sys_write, /* compat compat_sys_write */',
        '\t[3] = sys_exit, /* noreturn */',
        '\t[5] = sys_newstat,',
        '\t[300] = sys_late,',
        '};',
        '',
      ].join('\n'),
    );
  });

  it('a new template over the count-aligned layout', () => {
    expect(files.get('arch/toy/include/generated/asm/toy_nr.h')).toBe(
      '#define TOY_NR_syscalls 304 /* aligned to 4 */\n',
    );
  });

  it('its .tbl, headed by the descriptor comment', () => {
    expect(files.get('arch/toy/kernel/syscall.tbl')).toBe(
      [
        '# The toy table.',
        '# <nr> <abi> <name> [<entry> [<compat> [noreturn]]]',
        '#',
        '# Generated by syscalltbl from the spec (Linux 6.12.117): edit the spec, not this file.',
        '0\tcommon\tread\tsys_read',
        '1\tcommon\twrite\tsys_write\tcompat_sys_write',
        '3\tcommon\texit\tsys_exit\t-\tnoreturn',
        '5\t32\toldstat\tsys_oldstat32',
        '5\t64\tstat\tsys_newstat',
        '300\tcommon\tlate\tsys_late',
        '',
      ].join('\n'),
    );
  });

  it('--list names the same files', () => {
    const run = runCli(['generate', ...args, '--out', out, '--list']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [...files.keys()]
        .sort()
        .map((p) => `${out}/${p}\n`)
        .join(''),
    );
  });
});

describe('descriptor mistakes are errors naming the descriptor', () => {
  it.each([
    [
      'an unknown layout',
      '{ template: toy/count, layout: toy-layout, path: x.h, table: toy }',
      /unknown layout "toy-layout".*\n.*known layouts: count, count-aligned, dispatch/,
    ],
    [
      'an unknown template',
      '{ template: toy/none, layout: count, path: x.h, table: toy }',
      /no template "toy\/none"/,
    ],
    [
      'two outputs on one path',
      '{ template: toy/count, layout: count, path: x.h, table: toy }\n  - { template: toy/count, layout: count, path: x.h, table: toy }',
      /two outputs write arch\/toy\/include\/generated\/x.h/,
    ],
  ])('%s', (_, output, message) => {
    const root = tempDir();
    const args = toyWorld(root, `  - ${output}`);
    const run = runCli(['generate', ...args, '--out', join(root, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(readdirSync(root)).not.toContain('out');
  });
});

describe('output paths that would leave --out', () => {
  it.each([
    ['a .. segment', '../../../escape.h'],
    ['an absolute path', '/tmp/syscalltbl-escape.h'],
  ])('%s is refused and nothing is written', (_, path) => {
    const root = tempDir();
    const args = toyWorld(
      root,
      `  - { template: toy/count, layout: count, path: '${path}', table: toy, base: root }`,
    );
    const run = runCli(['generate', ...args, '--out', join(root, 'out')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('toy.yaml');
    expect(run.stderr).toMatch(/relative path without \. or \.\. segments/);
    expect(readdirSync(root).sort()).toEqual(['arch', 'syscalls.yaml', 'templates']);
  });

  it('a symbolic link inside --out that leads outside is refused, nothing is written', () => {
    const root = tempDir();
    const args = toyWorld(root);
    const out = join(root, 'out');
    const outside = join(root, 'outside');
    mkdirSync(join(out, 'arch'), { recursive: true });
    mkdirSync(outside);
    symlinkSync(outside, join(out, 'arch', 'toy'));
    const run = runCli(['generate', ...args, '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('output-escapes-out');
    expect(run.stderr).toContain('symbolic link out of --out');
    expect(readdirSync(outside)).toEqual([]);
    expect([...readTree(out).keys()]).toEqual([]);
  });

  it('a symbolic link that stays inside --out is followed', () => {
    const root = tempDir();
    const args = toyWorld(root);
    const out = join(root, 'out');
    mkdirSync(join(out, 'real-toy'), { recursive: true });
    mkdirSync(join(out, 'arch'), { recursive: true });
    symlinkSync(join(out, 'real-toy'), join(out, 'arch', 'toy'));
    expect(runCli(['generate', ...args, '--out', out]).status).toBe(0);
    expect(readdirSync(join(out, 'real-toy')).sort()).toEqual(['include', 'kernel']);
  });
});

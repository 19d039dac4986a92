// Turns stub declarations into the plain view the stub templates print: sorted by name, every
// parameter named, argument lists already joined and wrapped kernel-style, so the templates
// hold layout only.

import { paramName } from './check-stubs.js';
import { compatParam } from './compat-param.js';
import type { StubSyscall } from './render-stubs.js';

export interface StubParamView {
  type: string;
  name: string;
  /** `int __user *flagsp` */
  decl: string;
}

export interface StubView {
  name: string;
  /** `GETPMSG`, for enum constants and SYSCALLTBL_HAVE_* macros. */
  upper: string;
  reason: string;
  nargs: number;
  compat: boolean;
  params: StubParamView[];
  /** The ops member `\tlong (*call)(decls);`, wrapped. */
  handlerMember: string;
  /** `SYSCALL_DEFINEn(name, type, arg, ...)`, wrapped. */
  define: string;
  /** `COMPAT_SYSCALL_DEFINEn(name, compat_type, arg, ...)`, wrapped; empty without compat. */
  compatDefine: string;
  /** `static long syscalltbl_call_<name>(decls)`, wrapped. */
  callDecl: string;
  /** `\t\t\tret = ops->call(fd, ctlptr, ...);`, wrapped. */
  handlerCall: string;
  /** `\treturn syscalltbl_call_<name>(fd, ctlptr, ...);`, wrapped. */
  nativeReturn: string;
  /** The same from the compat entry, arguments widened: `compat_ptr(ctlptr)`; wrapped. */
  compatReturn: string;
  /** `asmlinkage long sys_<name>(decls);`, wrapped. */
  sysProto: string;
  /** `asmlinkage long compat_sys_<name>(compat decls);`, wrapped; empty without compat. */
  compatProto: string;
}

export interface StubsView {
  stubs: StubView[];
  /** `afs_syscall, getpmsg, ...` */
  names: string;
  /** The names as C comment lines: ` * Stubs: afs_syscall, getpmsg, ...`, wrapped. */
  namesComment: string;
  /** The names as Makefile comment lines: `# Stubs: afs_syscall, ...`, wrapped. */
  namesMakeComment: string;
  count: number;
  anyCompat: boolean;
}

/** Kernel C: lines up to 100 columns, tabs 8 wide. */
const WIDTH = 100;

/** The view of `stubs`; they must have passed checkStubs. Sorted by name, whatever the input order. */
export function buildStubsView(stubs: readonly StubSyscall[]): StubsView {
  const views = [...stubs]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(buildStubView);
  const names = views.map((s) => s.name).join(', ');
  return {
    stubs: views,
    names,
    namesComment: wrapWords(' * ', `Stubs: ${names}.`),
    namesMakeComment: wrapWords('# ', `Stubs: ${names}.`),
    count: views.length,
    anyCompat: views.some((s) => s.compat),
  };
}

function buildStubView(stub: StubSyscall): StubView {
  const params = stub.params.map((p, i) => {
    const type = p.type.trim();
    const name = paramName(p.name, i);
    return { type, name, decl: joinDecl(type, name) };
  });
  const compat = (stub.compat ? params : []).map((p) => {
    const c = compatParam(p.type);
    if ('error' in c)
      throw new Error(`stub ${stub.name}: ${c.error} (checkStubs lets no such stub through)`);
    return { type: c.type, name: p.name, decl: joinDecl(c.type, p.name), arg: c.convert(p.name) };
  });
  const nargs = params.length;
  const args = params.map((p) => p.name);
  const decls = params.map((p) => p.decl);
  const pairs = params.map((p) => `${p.type}, ${p.name}`);
  const compatPairs = compat.map((p) => `${p.type}, ${p.name}`);
  const define = `SYSCALL_DEFINE${nargs}`;
  const compatDefine = `COMPAT_SYSCALL_DEFINE${nargs}`;
  return {
    name: stub.name,
    upper: stub.name.toUpperCase(),
    reason: stub.reason ?? 'module stub',
    nargs,
    compat: stub.compat,
    params,
    handlerMember: wrapList('\tlong (*call)(', decls.length ? decls : ['void'], ');'),
    define: wrapList(`${define}(`, [stub.name, ...pairs], ')'),
    compatDefine: stub.compat ? wrapList(`${compatDefine}(`, [stub.name, ...compatPairs], ')') : '',
    callDecl: wrapList(
      `static long syscalltbl_call_${stub.name}(`,
      decls.length ? decls : ['void'],
      ')',
    ),
    handlerCall: wrapList('\t\t\tret = ops->call(', args, ');'),
    nativeReturn: wrapList(`\treturn syscalltbl_call_${stub.name}(`, args, ');'),
    compatReturn: stub.compat
      ? wrapList(
          `\treturn syscalltbl_call_${stub.name}(`,
          compat.map((p) => p.arg),
          ');',
        )
      : '',
    sysProto: wrapList(`asmlinkage long sys_${stub.name}(`, decls.length ? decls : ['void'], ');'),
    compatProto: stub.compat
      ? wrapList(
          `asmlinkage long compat_sys_${stub.name}(`,
          compat.length ? compat.map((p) => p.decl) : ['void'],
          ');',
        )
      : '',
  };
}

/**
 * `open` + items joined by `, ` + `close`, broken before an item that would pass WIDTH columns;
 * continuation lines align with the column after `open`, in tabs then spaces (kernel style).
 */
export function wrapList(open: string, items: readonly string[], close: string): string {
  const indent = alignTo(columns(open));
  let out = open;
  let line = open;
  items.forEach((item, i) => {
    const piece = i === 0 ? item : `, ${item}`;
    const end = i === items.length - 1 ? close : ',';
    if (i > 0 && columns(line) + piece.length + end.length > WIDTH) {
      out += `,\n${indent}${item}`;
      line = indent + item;
    } else {
      out += piece;
      line += piece;
    }
  });
  return out + close;
}

/** `text` as comment lines starting with `prefix`, broken between words before WIDTH columns. */
export function wrapWords(prefix: string, text: string): string {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(' ')) {
    if (line !== prefix && columns(line) + 1 + word.length > WIDTH) {
      lines.push(line);
      line = prefix;
    }
    line += line === prefix ? word : ` ${word}`;
  }
  lines.push(line);
  return lines.join('\n');
}

/** Display width of a line whose tabs stop every 8 columns. */
function columns(text: string): number {
  let col = 0;
  for (const ch of text) col = ch === '\t' ? col + 8 - (col % 8) : col + 1;
  return col;
}

function alignTo(col: number): string {
  return '\t'.repeat(Math.floor(col / 8)) + ' '.repeat(col % 8);
}

/** `char __user *` + `buf` → `char __user *buf`; `int` + `fd` → `int fd`. */
function joinDecl(type: string, name: string): string {
  return type.endsWith('*') ? `${type}${name}` : `${type} ${name}`;
}

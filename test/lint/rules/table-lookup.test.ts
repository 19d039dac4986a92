import { describe, expect, it } from 'vitest';
import { lintC } from '../helpers.js';

describe('table-lookup', () => {
  it.each([
    ['void f(void) { kallsyms_lookup_name("sys_call_table"); }', 'lookupCall', 1, 16],
    [
      'static unsigned long w(const char *n) { return kallsyms_lookup_name(n); }\nvoid f(void) { w("sys_call_table"); }',
      'lookupCall',
      2,
      16,
    ],
    ['static struct kprobe kp = { .symbol_name = "sys_call_table" };', 'kprobeSymbol', 1, 44],
    ['int cb(const char *name) { return !strcmp(name, "sys_call_table"); }', 'nameCompare', 1, 49],
    [
      'void f(void) { filp_open("/proc/kallsyms", 0, 0); strstr(l, "sys_call_table"); }',
      'symbolFile',
      1,
      26,
    ],
    [
      'static unsigned long a; module_param(a, ulong, 0);\nvoid f(void) { unsigned long **t = (unsigned long **)a; t[__NR_read] = 0; }',
      'moduleParam',
      2,
      32,
    ],
    ['void **sys_call_table = (void **)0xc0321560;', 'kernelAddress', 1, 34],
  ])('flags %s', (code, messageId, line, column) => {
    expect(lintC(code, 'table-lookup')).toContainEqual({
      ruleId: 'table-lookup',
      messageId,
      line,
      column,
    });
  });
  it.each([
    'void f(void) { kallsyms_lookup_name("__x64_sys_openat"); }',
    'static struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };\nvoid f(void) { register_kprobe(&kp); kln = (void *)kp.addr; kln("do_sys_open"); }',
    'void f(void) { filp_open("/proc/kallsyms", 0, 0); }',
  ])('leaves %s alone', (code) => {
    expect(lintC(code, 'table-lookup')).toEqual([]);
  });
});

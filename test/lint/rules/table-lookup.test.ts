import { ruleTester } from '../helpers.js';

ruleTester('table-lookup', {
  valid: [
    'void f(void) { kallsyms_lookup_name("__x64_sys_openat"); }',
    'static struct kprobe kp = { .symbol_name = "kallsyms_lookup_name" };\nvoid f(void) { register_kprobe(&kp); kln = (void *)kp.addr; kln("do_sys_open"); }',
    'void f(void) { filp_open("/proc/kallsyms", 0, 0); }',
    // Naming a symbol file in a description or a message reads nothing.
    'MODULE_PARM_DESC(addr, "sys_call_table from /boot/System.map-$(uname -r)");',
    'void f(void) { pr_info("sys_call_table is in /proc/kallsyms\\n"); }',
    // A text search of a kallsyms line, padded: the file read is the finding (see below).
    'int f(const char *l) { return strstr(l, " sys_call_table") != NULL; }',
  ],
  invalid: [
    {
      code: 'void f(void) { kallsyms_lookup_name("sys_call_table"); }',
      errors: [{ messageId: 'lookupCall', line: 1, column: 16 }],
    },
    {
      code: 'static unsigned long w(const char *n) { return kallsyms_lookup_name(n); }\nvoid f(void) { w("sys_call_table"); }',
      errors: [{ messageId: 'lookupCall', line: 2, column: 16 }],
    },
    {
      code: 'static struct kprobe kp = { .symbol_name = "sys_call_table" };',
      errors: [{ messageId: 'kprobeSymbol', line: 1, column: 44 }],
    },
    {
      code: 'int cb(const char *name) { return !strcmp(name, "sys_call_table"); }',
      errors: [{ messageId: 'nameCompare', line: 1, column: 49 }],
    },
    {
      // sprint_symbol prints `name+0x0/0x...`: compared by prefix.
      code: 'int f(char *b) { return !strncmp(b, "sys_call_table+0x0", 18); }',
      errors: [{ messageId: 'nameCompare', line: 1, column: 37 }],
    },
    {
      code: 'void f(void) { filp_open("/proc/kallsyms", 0, 0); strstr(l, "sys_call_table"); }',
      errors: [
        { messageId: 'symbolFile', line: 1, column: 26 },
        { messageId: 'nameCompare', line: 1, column: 61 },
      ],
    },
    {
      // The path formatted into a buffer that is then opened.
      code: 'void f(char *p) { snprintf(p, 64, "/boot/System.map-%s", r); filp_open(p, 0, 0); strcmp(n, "sys_call_table"); }',
      errors: [
        { messageId: 'symbolFile', line: 1, column: 35 },
        { messageId: 'nameCompare', line: 1, column: 92 },
      ],
    },
    {
      // A helper of the module's own that parses /proc/kallsyms for the name it is given.
      code: 'static unsigned long ks(const char *want) { struct file *f = filp_open("/proc/kallsyms", 0, 0); return parse(f, want); }\nvoid g(void) { t = (void **)ks("sys_call_table"); }',
      errors: [
        { messageId: 'symbolFile', line: 1, column: 72 },
        { messageId: 'lookupCall', line: 2, column: 29 },
      ],
    },
    {
      code: 'static unsigned long a; module_param(a, ulong, 0);\nvoid f(void) { unsigned long **t = (unsigned long **)a; t[__NR_read] = 0; }',
      errors: [{ messageId: 'moduleParam', line: 2, column: 32 }],
    },
    {
      code: 'void **sys_call_table = (void **)0xc0321560;',
      errors: [{ messageId: 'kernelAddress', line: 1, column: 34 }],
    },
    {
      code: '#define SCT 0xc0321560\nvoid f(void) { void **t = (void **)SCT; t[__NR_open] = 0; }',
      errors: [{ messageId: 'kernelAddress', line: 2, column: 23 }],
    },
    {
      code: 'void f(void) { t = (void **)kallsyms_lookup_name("__sys_call_table"); }',
      errors: [{ messageId: 'lookupCall', line: 1, column: 29 }],
    },
    {
      // A usermode helper's argv reading /proc/kallsyms.
      code: 'int f(void) { char *argv[] = { "/bin/sh", "-c", "grep sys_call_table /proc/kallsyms > /tmp/s", NULL };\n  return call_usermodehelper(argv[0], argv, NULL, UMH_WAIT_PROC); }',
      errors: [{ messageId: 'symbolFile', line: 1, column: 49 }],
    },
    {
      code: 'void f(void) { kallsyms_on_each_match_symbol(cb, "sys_call_table", &a); }',
      errors: [{ messageId: 'lookupCall', line: 1, column: 16 }],
    },
  ],
});

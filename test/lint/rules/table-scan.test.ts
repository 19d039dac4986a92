import { ruleTester } from '../helpers.js';

ruleTester('table-scan', {
  valid: [
    'int f(int nr) { return nr == __NR_close; }',
    '#define REG_MASK 0xffff0008\nint f(int v) { return v & REG_MASK; }',
    'void f(void) { wrmsrl(MSR_IA32_TSC, 0); }',
    'int f(struct pt_regs *r) { return r->orig_ax == __NR_execve; }',
  ],
  invalid: [
    {
      code: 'void *f(unsigned long **p) { if (p[__NR_close] == (unsigned long *)sys_close) return p; }',
      errors: [{ messageId: 'slotCompare', line: 1, column: 34 }],
    },
    {
      // The slot compared with a syscall looked up by name.
      code: 'void *f(unsigned long *p) { unsigned long c = kallsyms_lookup_name("sys_close"); if (p[__NR_close] == c) return p; }',
      errors: [{ messageId: 'slotCompare', line: 1, column: 86 }],
    },
    {
      code: 'void f(void) { asm("sidt %0" : "=m"(idtr)); }',
      errors: [{ messageId: 'idt', line: 1, column: 20 }],
    },
    {
      code: 'void f(void) { store_idt(&d); }',
      errors: [{ messageId: 'idt', line: 1, column: 16 }],
    },
    {
      code: 'void f(void) { rdmsrl(MSR_LSTAR, e); }',
      errors: [{ messageId: 'msr', line: 1, column: 23 }],
    },
    {
      code: 'void f(void) { v = (unsigned long *)0xffff0008; }',
      errors: [{ messageId: 'armVector', line: 1, column: 37 }],
    },
    {
      code: 'int f(unsigned char *p) { return p[0] == 0xff && p[1] == 0x14 && p[2] == 0xc5; }',
      errors: [{ messageId: 'dispatchBytes', line: 1, column: 42 }],
    },
    {
      // The bytes as character literals, in hex and in octal.
      code: "int f(char *p) { return p[0] == '\\xff' && p[1] == '\\x14' && p[2] == '\\305'; }",
      errors: [{ messageId: 'dispatchBytes', line: 1, column: 33 }],
    },
    {
      code: "int f(char *p) { return p[0] == '\\377' && p[1] == 0x14 && p[2] == 0x85; }",
      errors: [{ messageId: 'dispatchBytes', line: 1, column: 33 }],
    },
    {
      // enyelkm's form: pointer offsets between the compared bytes.
      code: 'int f(unsigned char *p) { return (*p == 0xff) && (*(p+1) == 0x14) && (*(p+2) == 0x85); }',
      errors: [{ messageId: 'dispatchBytes', line: 1, column: 41 }],
    },
    {
      code: 'void f(void) { e = kallsyms_lookup_name("entry_SYSCALL_64"); }',
      errors: [{ messageId: 'entryLookup', line: 1, column: 20 }],
    },
  ],
});

// The stub renderer: golden output for the bundled stubs (UPDATE_GOLDEN=1 rewrites it),
// deterministic order, argN names, compat entry points on and off, and refused declarations.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/common/diagnostics.js';
import { bundledTemplatesDir } from '../../src/common/paths.js';
import type { Param } from '../../src/spec/model.js';
import { parseParam } from '../../src/spec/params.js';
import { STUB_FILE_PATHS } from '../../src/stubs/paths.js';
import { renderStubFiles, type StubFiles, type StubSyscall } from '../../src/stubs/render-stubs.js';
import { repoRoot } from '../helpers/run-cli.js';
import { renderBundledStubs } from './render-bundled.js';

const goldenDir = join(repoRoot, 'test', 'golden', 'stubs');

function stub(name: string, params: string[], compat = false, reason?: string): StubSyscall {
  return { name, params: params.map(parseParam), compat, ...(reason ? { reason } : {}) };
}

function render(stubs: StubSyscall[]): StubFiles {
  return renderStubFiles(stubs, bundledTemplatesDir);
}

function problemCodes(stubs: StubSyscall[]): string[] {
  try {
    render(stubs);
  } catch (error) {
    if (error instanceof UserError) return error.diagnostics.map((d) => d.code);
    throw error;
  }
  return [];
}

describe('renderStubFiles', () => {
  const files = renderBundledStubs();

  for (const [key, path] of Object.entries(STUB_FILE_PATHS) as Array<[keyof StubFiles, string]>) {
    it(`matches the golden ${path}`, () => {
      const golden = join(goldenDir, path);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(golden), { recursive: true });
        writeFileSync(golden, files[key]);
      }
      expect(files[key]).toBe(readFileSync(golden, 'utf8'));
    });
  }

  it('defines each bundled stub with the kernel macros and exports its API', () => {
    expect(files.source).toContain(
      'SYSCALL_DEFINE5(getpmsg, int, fd, void __user *, ctlptr, void __user *, datptr,',
    );
    expect(files.source).toContain(
      'COMPAT_SYSCALL_DEFINE5(getpmsg, int, fd, compat_uptr_t, ctlptr',
    );
    expect(files.source).toContain('EXPORT_SYMBOL_GPL(syscalltbl_register_vserver);');
    expect(files.header).toContain(
      'int syscalltbl_register_putpmsg(const struct syscalltbl_putpmsg_ops *ops);',
    );
    expect(files.kbuild).toContain('obj-y += syscalltbl_stubs.o');
  });

  it('is deterministic: the same files whatever the input order, stubs sorted by name', () => {
    const stubs = [stub('zeta', ['int a']), stub('alpha', ['int b'], true), stub('mid', [])];
    const forward = render(stubs);
    const backward = render([...stubs].reverse());
    expect(backward).toEqual(forward);
    const order = ['alpha', 'mid', 'zeta'].map((n) =>
      forward.source.indexOf(`SYSCALLTBL_STUB_${n.toUpperCase()},`),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] ?? 0)))).toBe(true);
  });

  it('names unnamed parameters argN, by position', () => {
    const params: Param[] = [
      { decl: 'int', type: 'int', name: '' },
      { decl: 'char __user *buf', type: 'char __user *', name: 'buf' },
      { decl: 'unsigned long', type: 'unsigned long', name: '' },
    ];
    const { source, header } = render([{ name: 'anon', params, compat: true }]);
    expect(source).toContain(
      'SYSCALL_DEFINE3(anon, int, arg1, char __user *, buf, unsigned long, arg3)',
    );
    expect(source).toContain(
      'COMPAT_SYSCALL_DEFINE3(anon, int, arg1, compat_uptr_t, buf, compat_ulong_t, arg3)',
    );
    expect(source).toContain('return syscalltbl_call_anon(arg1, compat_ptr(buf), arg3);');
    expect(header).toContain('long (*call)(int arg1, char __user *buf, unsigned long arg3);');
  });

  it('emits compat entry points only for stubs declared compat', () => {
    const { source, header } = render([
      stub('withcompat', ['long n', 'void __user *p'], true),
      stub('native', ['int fd']),
    ]);
    expect(source).toContain(
      'COMPAT_SYSCALL_DEFINE2(withcompat, compat_long_t, n, compat_uptr_t, p)',
    );
    expect(source).toContain('return syscalltbl_call_withcompat(n, compat_ptr(p));');
    expect(source).not.toContain('COMPAT_SYSCALL_DEFINE1(native');
    expect(header).toContain(
      'asmlinkage long compat_sys_withcompat(compat_long_t n, compat_uptr_t p);',
    );
    expect(header).not.toContain('compat_sys_native');
    expect(header).toContain('asmlinkage long sys_native(int fd);');
  });

  it('leaves compat out of the header entirely when no stub has it', () => {
    const { source, header } = render([stub('native', ['int fd'])]);
    expect(header).not.toContain('CONFIG_COMPAT');
    expect(source).not.toMatch(/^COMPAT_SYSCALL_DEFINE\d/m);
  });

  it('handles a stub without parameters', () => {
    const { source, header } = render([stub('noargs', [], true)]);
    expect(source).toContain('SYSCALL_DEFINE0(noargs)');
    expect(source).toContain('COMPAT_SYSCALL_DEFINE0(noargs)');
    expect(source).toContain('ret = ops->call();');
    expect(header).toContain('long (*call)(void);');
  });

  it('wraps long lines kernel-style, within 100 columns (for names as long as the bundled ones)', () => {
    const long = stub(
      'wide',
      [
        'unsigned long first',
        'unsigned long second',
        'unsigned long third',
        'unsigned long fourth',
        'unsigned long fifth',
        'unsigned long sixth',
      ],
      true,
    );
    for (const files of [renderBundledStubs(), render([long])]) {
      for (const line of `${files.source}\n${files.header}\n${files.kbuild}`.split('\n')) {
        expect(line.replace(/\t/g, '        ').length).toBeLessThanOrEqual(100);
      }
    }
  });

  it('refuses declarations that cannot become a system call', () => {
    expect(
      problemCodes([
        stub('seven', ['int a', 'int b', 'int c', 'int d', 'int e', 'int f', 'int g']),
      ]),
    ).toEqual(['stub-too-many-params']);
    expect(problemCodes([stub('wide', ['loff_t pos'], true)])).toEqual(['stub-compat-param']);
    expect(problemCodes([stub('wide', ['loff_t pos'], false)])).toEqual([]);
    expect(problemCodes([stub('1bad', ['int a'])])).toEqual(['stub-bad-name']);
    expect(problemCodes([stub('dup', ['int a']), stub('dup', ['int b'])])).toEqual([
      'stub-duplicate',
    ]);
    expect(problemCodes([stub('twice', ['int a', 'long a'])])).toEqual(['stub-duplicate-param']);
    expect(problemCodes([stub('comment', ['int a'], false, 'ends */ the comment')])).toEqual([
      'stub-bad-reason',
    ]);
    const injected: StubSyscall = {
      name: 'inject',
      params: [{ decl: 'int x', type: 'int); evil(', name: 'x' }],
      compat: false,
    };
    expect(problemCodes([injected])).toEqual(['stub-bad-param']);
  });
});

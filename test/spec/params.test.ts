// Parameter declarations split into type and name, including the kernel's unnamed ones.
import { describe, expect, it } from 'vitest';
import { parseParam } from '../../src/spec/params.js';

describe('parseParam', () => {
  it.each([
    ['char __user *buf', 'char __user *', 'buf'],
    ['unsigned int fd', 'unsigned int', 'fd'],
    ['unsigned long', 'unsigned long', ''],
    ['int __user *', 'int __user *', ''],
    ['struct iocb __user * __user *', 'struct iocb __user * __user *', ''],
    ['struct rlimit64 __user *old_rlim', 'struct rlimit64 __user *', 'old_rlim'],
    ['struct sigaction', 'struct sigaction', ''],
    ['const char __user *const __user *argv', 'const char __user *const __user *', 'argv'],
    ['aio_context_t', 'aio_context_t', ''],
    ['aio_context_t ctx', 'aio_context_t', 'ctx'],
    ['int  fds[2]', 'int [2]', 'fds'],
    ['  u32   flags ', 'u32', 'flags'],
  ])('%s', (decl, type, name) => {
    const p = parseParam(decl);
    expect([p.type, p.name]).toEqual([type, name]);
  });
});

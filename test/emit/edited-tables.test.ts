// A generator, not a copy: a maintainer edits the reference tables (new syscalls, holes filled
// and made, renamed entry points, new compat entries, rows for one ABI only, a noreturn row,
// tags no ABI reads, s390's 32-/64-only rows and its row-0 quirk), we import the edited tree
// with `syscalltbl import --kernel`, generate, and compare with the kernel's own scripts run on
// the edited tables: all 60 headers, byte for byte. The kernel scripts fed our regenerated .tbl
// files must agree too.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceTbl } from '../helpers/reference.js';
import { runCli } from '../helpers/run-cli.js';
import {
  generatedPath,
  installScripts,
  kernelScriptsMissing,
  manifest,
  runKernelScripts,
} from './helpers/kernel-scripts.js';
import {
  append,
  type Edit,
  insertAfter,
  insertFirst,
  remove,
  rewrite,
} from './helpers/tbl-edits.js';
import { readTree, tempDir } from './helpers/tree.js';

const X86_32 = 'arch/x86/entry/syscalls/syscall_32.tbl';
const X86_64 = 'arch/x86/entry/syscalls/syscall_64.tbl';
const S390 = 'arch/s390/kernel/syscalls/syscall.tbl';

/** Each table's edits, named for the test output. */
export const EDITS: Record<string, Array<[string, Edit]>> = {
  [X86_32]: [
    [
      'new syscall with a compat entry at the end',
      append('463\ti386\tnewcall\tsys_newcall\tcompat_sys_newcall'),
    ],
    [
      'new noreturn syscall with a compat entry',
      append('464\ti386\tnewexit\tsys_newexit\tcompat_sys_newexit\tnoreturn'),
    ],
    ['new syscall in the hole at 222', insertAfter(221, '222\ti386\tfill222\tsys_fill222')],
    ['open removed, leaving a hole at 5', remove(5)],
    ['read renamed to sys_read_v2', rewrite(3, 'read', (f) => [...f.slice(0, 3), 'sys_read_v2'])],
    ['write gains a compat entry', rewrite(4, 'write', (f) => [...f, 'compat_sys_write'])],
  ],
  [X86_64]: [
    [
      'new common, 64-only and noreturn rows after 462, and a row for a tag no ABI reads',
      insertAfter(
        462,
        '463\tcommon\tnewcall\tsys_newcall',
        '464\t64\tnewcall64\tsys_newcall64',
        '465\tcommon\tnewexit\tsys_newexit\t-\tnoreturn',
        '466\tfoo\tunread\tsys_unread',
      ),
    ],
    ['new x32-only row at the end', append('548\tx32\tnewcall_x32\tcompat_sys_newcall')],
    [
      'new common row in the unused range at 400',
      insertAfter(335, '400\tcommon\thole400\tsys_hole400'),
    ],
    ['64-only rt_sigaction removed, leaving a hole at 13', remove(13)],
    ['close renamed to sys_close2', rewrite(3, 'close', (f) => [...f.slice(0, 3), 'sys_close2'])],
  ],
  'arch/arm/tools/syscall.tbl': [
    ['new oabi-only row', append('463\toabi\tnewoabi\tsys_newoabi')],
    [
      'new eabi-only row (moves __NR_syscalls to the next alignment)',
      append('464\teabi\tneweabi\tsys_neweabi'),
    ],
    ['read gains an OABI compat entry', rewrite(3, 'read', (f) => [...f, 'sys_oabi_read'])],
    ['unlink removed', remove(10)],
    ['write renamed', rewrite(4, 'write', (f) => [...f.slice(0, 3), 'sys_write2'])],
  ],
  'arch/powerpc/kernel/syscalls/syscall.tbl': [
    ['new spu-only row', append('463\tspu\tnewspu\tsys_newspu')],
    [
      'new nospu row with compat',
      append('464\tnospu\tnewnospu\tsys_newnospu\tcompat_sys_newnospu'),
    ],
    [
      '32 and 64 rows sharing 465',
      append('465\t32\tsplit\tsys_split32\tcompat_sys_split', '465\t64\tsplit\tsys_split64'),
    ],
    ['close removed', remove(6)],
  ],
  [S390]: [
    ['a 32-only row', append('463  32\t\tnew32\t\t-\t\t\tcompat_sys_new32')],
    ['a 64-only row', append('464  64\t\tnew64\t\tsys_new64\t\t-')],
    [
      '32 and 64 rows sharing 465',
      append('465  32\t\tboth\t\t-\t\t\tcompat_sys_both', '465  64\t\tboth\t\tsys_both\t\t-'),
    ],
    [
      'a row for a tag no ABI reads (syscalltbl -S still takes it)',
      append('466  foo\t\tunread\t\tsys_unread\t\tsys_unread'),
    ],
    [
      'a common row 0 (syscalltbl -S drops it, -H keeps it)',
      insertFirst('0    common\tzero\t\t\tsys_zero\t\t\tsys_zero'),
    ],
    [
      'new common row in the hole at 17',
      insertAfter(16, '17   common\tfill17\t\t\tsys_fill17\t\t\tcompat_sys_fill17'),
    ],
    [
      'close gains a compat entry',
      rewrite(6, 'close', (f) => [...f.slice(0, 4), 'compat_sys_close']),
    ],
    [
      'link renamed',
      rewrite(9, 'link', (f) => [f[0] ?? '', f[1] ?? '', f[2] ?? '', 'sys_link2', 'sys_link2']),
    ],
    ['creat removed', remove(8)],
  ],
  'scripts/syscall.tbl': [
    ['new common row', append('463\tcommon\tnewcall\tsys_newcall\tcompat_sys_newcall')],
    [
      'new time32 and 64 rows sharing 464',
      append('464\ttime32\tnewtime\tsys_newtime32', '464\t64\tnewtime\tsys_newtime'),
    ],
    ['new riscv row', append('465\triscv\tnewriscv\tsys_newriscv')],
    [
      'a tag read only through the prefix match (32bit)',
      append('466\t32bit\tprefixed\tsys_prefixed'),
    ],
    ['epoll_ctl removed', remove(21)],
    ['dup gains a compat entry', rewrite(23, 'dup', (f) => [...f, 'compat_sys_dup'])],
  ],
  'arch/arm64/tools/syscall_64.tbl': [
    ['new common row', append('463\tcommon\tnewcall\tsys_newcall\tcompat_sys_newcall')],
    ['new memfd_secret-tagged row', append('464\tmemfd_secret\tnewsecret\tsys_newsecret')],
    ['epoll_ctl removed', remove(21)],
  ],
  'arch/arm64/tools/syscall_32.tbl': [
    ['new common row', append('463\tcommon\tnewcall\tsys_newcall')],
    ['mseal removed: the table ends at 461', remove(462)],
  ],
  'arch/mips/kernel/syscalls/syscall_o32.tbl': [
    ['new row with compat', append('463\to32\tnewcall\tsys_newcall\tcompat_sys_newcall')],
  ],
  'arch/mips/kernel/syscalls/syscall_n32.tbl': [['close removed', remove(3)]],
  'arch/mips/kernel/syscalls/syscall_n64.tbl': [
    ['new common-tagged row', append('463\tcommon\tnewcall\tsys_newcall')],
  ],
  'arch/sparc/kernel/syscalls/syscall.tbl': [
    [
      'new 32 and 64 rows',
      append('463\t32\tnew32\tsys_new32\tcompat_sys_new32', '464\t64\tnew64\tsys_new64'),
    ],
  ],
  'arch/parisc/kernel/syscalls/syscall.tbl': [['mseal removed', remove(462)]],
  'arch/alpha/kernel/syscalls/syscall.tbl': [
    ['new row', append('573\tcommon\tnewcall\tsys_newcall')],
  ],
  'arch/m68k/kernel/syscalls/syscall.tbl': [['mseal removed', remove(462)]],
  'arch/microblaze/kernel/syscalls/syscall.tbl': [
    ['new row', append('463\tcommon\tnewcall\tsys_newcall')],
  ],
  'arch/sh/kernel/syscalls/syscall.tbl': [
    ['read renamed', rewrite(3, 'read', (f) => [...f.slice(0, 3), 'sys_read2'])],
  ],
  'arch/xtensa/kernel/syscalls/syscall.tbl': [
    ['mseal renumbered to 463', rewrite(462, 'mseal', (f) => ['463', ...f.slice(1)])],
    ['a new row takes 462', insertAfter(461, '462\tcommon\tnewcall\tsys_newcall')],
  ],
};

const skip = kernelScriptsMissing();

describe.skipIf(skip !== undefined)(
  `edited tables: import, generate, compare with the kernel's scripts${skip ? ` (SKIPPED: ${skip})` : ''}`,
  () => {
    const root = tempDir();
    // import reads the kernel version from a linux-X.Y.Z folder name.
    const edited = join(root, 'linux-6.12.117');
    const spec = join(root, 'edited.yaml');
    const out = join(root, 'out');
    const again = join(root, 'again');
    let kernel = new Map<string, Buffer>();
    let ours = new Map<string, Buffer>();
    let importRun = { status: -1, stdout: '', stderr: '' };

    beforeAll(() => {
      cpSync(referenceTbl, edited, { recursive: true });
      for (const [file, edits] of Object.entries(EDITS)) {
        const path = join(edited, file);
        let text = readFileSync(path, 'utf8');
        for (const [, edit] of edits) text = edit(text);
        writeFileSync(path, text);
      }
      importRun = runCli(['import', '--kernel', edited, '--out', spec, '--no-manpages']);
      if (importRun.status === 0) {
        expect(runCli(['generate', '--spec', spec, '--out', out]).status).toBe(0);
        ours = readTree(out);
      }
      installScripts(edited);
      kernel = runKernelScripts(edited);
    });

    it('the edits change the kernel output (they are real edits)', () => {
      const reference = runKernelScriptsOnReference();
      const changed = [...kernel].filter(([p, b]) => !reference.get(p)?.equals(b)).length;
      expect(changed).toBeGreaterThanOrEqual(50);
    });

    it('import --kernel accepts the edited tree', () => {
      expect(importRun.stderr).not.toContain('error');
      expect(importRun.status).toBe(0);
    });

    describe('our headers from the imported spec = the kernel scripts on the edited tables', () => {
      for (const entry of manifest()) {
        const path = generatedPath(entry);
        it(path, () => {
          expect(ours.get(path)?.toString('utf8')).toBe(kernel.get(path)?.toString('utf8'));
        });
      }
    });

    it('the kernel scripts on our regenerated .tbl files agree as well', () => {
      for (const path of ours.keys())
        if (path.endsWith('.tbl')) cpSync(join(out, path), join(again, path));
      installScripts(again);
      const fromOurs = runKernelScripts(again);
      for (const [path, bytes] of kernel)
        expect(fromOurs.get(path)?.toString('utf8'), path).toBe(bytes.toString('utf8'));
    });

    describe('each edit changes its table', () => {
      for (const [file, edits] of Object.entries(EDITS))
        for (const [name, edit] of edits)
          it(`${file}: ${name}`, () => {
            const text = readFileSync(join(referenceTbl, file), 'utf8');
            expect(edit(text)).not.toBe(text);
          });
    });

    function runKernelScriptsOnReference(): Map<string, Buffer> {
      const tree = join(root, 'reference');
      cpSync(referenceTbl, tree, { recursive: true });
      installScripts(tree);
      return runKernelScripts(tree);
    }
  },
);

if (skip) it.skip(`edited-table comparison SKIPPED: ${skip}`, () => {});

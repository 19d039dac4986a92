// Reads the table of syscalls(2) (Debian's manpages-dev): for each system call, the kernel
// version it first appeared in. Plain text in, plain data out; gunzip happens at the edge.

export interface ManEntry {
  /** Kernel version, e.g. `2.6.16`. */
  since: string;
}

const ROW = /^\\fB([A-Za-z0-9_]+)\\fP\((\d)\)\t+([0-9][0-9.]*)/;
// pread64 and pwrite64 leave the kernel column empty; their note opens with the version:
// `\fBpread64\fP(2)<tab><tab>T{` then `Added as "pread" in 2.2;`.
const ROW_WITHOUT_VERSION = /^\\fB([A-Za-z0-9_]+)\\fP\(\d\)\t+T\{\s*$/;
const ADDED_AS = /^Added as "[A-Za-z0-9_]+" in ([0-9][0-9.]*)/;

/** Entries of the syscalls(2) table, by system call name. */
export function parseSyscallsManPage(groff: string): Map<string, ManEntry> {
  const entries = new Map<string, ManEntry>();
  let inTable = false;
  let pending: string | undefined;
  const add = (name: string, since: string) => {
    if (!entries.has(name)) entries.set(name, { since: since.replace(/\.$/, '') });
  };
  for (const line of groff.split('\n')) {
    const awaiting = pending;
    pending = undefined;
    if (line.startsWith('.TS')) inTable = true;
    else if (line.startsWith('.TE')) inTable = false;
    else if (inTable) {
      const m = ROW.exec(line);
      if (m?.[1] && m[3]) add(m[1], m[3]);
      else if (awaiting) {
        const added = ADDED_AS.exec(line);
        if (added?.[1]) add(awaiting, added[1]);
      } else pending = ROW_WITHOUT_VERSION.exec(line)?.[1];
    }
  }
  return entries;
}

/**
 * The page a name's man page really is: `chown32.2` holds only `.so man2/chown.2`, so the page
 * to read is chown(2). Returns undefined when no page exists.
 */
export function resolveManPage(
  name: string,
  readPage: (name: string) => string | undefined,
): string | undefined {
  let current = name;
  for (let hops = 0; hops < 4; hops++) {
    const text = readPage(current);
    if (text === undefined) return undefined;
    const so = /^\.so\s+man2\/([A-Za-z0-9_.+-]+)\.2\s*$/m.exec(text.slice(0, 200));
    if (!so?.[1] || so[1] === current) return `${current}(2)`;
    current = so[1];
  }
  return `${current}(2)`;
}

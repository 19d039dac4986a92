// Reading one file, what the reader threads (and the main thread between analyses) do: read it
// in chunks straight into the prefilter's buffer (no allocation for the many files it rejects),
// note trigger words and other files' names, skip oversized and binary files with a stated
// reason, and ask the gate's byte-level check. Only the bytes of files that may need the
// analysis leave a worker.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Filters, Prefilter } from './filters.js';
import type { ByteCheck } from './gate.js';
import { CHUNK } from './multi-search.js';

export interface ReadOutcome {
  /**
   * `candidate`: may need the analysis (see `bytes`); `clean`: cannot; `skipped`: see reason;
   * `exports`: nothing of its own, only lookups other files may call (gate.ts).
   */
  status: 'clean' | 'skipped' | 'candidate' | 'exports';
  reason?: string;
  /** The file holds one of the names the prefilter was given (other files' exports). */
  hasName?: boolean;
  /** A candidate's bytes (its own copy). */
  bytes?: Uint8Array;
  /**
   * The gate's byte check could not decide: the token check is still to run, every condition
   * (`tokens`) or only the slot compares (`slots`).
   */
  tokens?: 'tokens' | 'slots';
}

/** The outcomes of almost every file, shared (nothing changes an outcome once made). */
const CLEAN: ReadOutcome = Object.freeze({ status: 'clean' });
const CLEAN_WITH_NAME: ReadOutcome = Object.freeze({ status: 'clean', hasName: true });
const EXPORTS: ReadOutcome = Object.freeze({ status: 'exports' });
const EXPORTS_WITH_NAME: ReadOutcome = Object.freeze({ status: 'exports', hasName: true });

let whole = Buffer.allocUnsafe(1 << 16);

/** What reading found: the bytes (a view valid until the next read) or why there are none. */
interface Read {
  /** null: no trigger word; a number: the byte count, over the limit. */
  bytes: Uint8Array | null | number;
  hasName: boolean;
}

/**
 * Reads the file's bytes, noting the prefilter's words chunk by chunk. A file without a
 * trigger word is not kept; one with a trigger word is returned whole (from the chunk buffer
 * when it fits in one chunk, else read again after a size check).
 */
function readFiltered(abs: string, max: number, prefilter: Prefilter | null): Read {
  // Non-blocking: a file replaced by a named pipe since the walk fails to read (EAGAIN) rather
  // than hanging the run; regular files are unaffected.
  const fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    let hasName = false;
    if (prefilter) {
      const search = prefilter.search;
      const view = search.view();
      search.resetFound();
      let total = 0;
      let carry = 0;
      let any = false;
      for (;;) {
        const r = readSync(fd, view, carry, CHUNK, total);
        total += r;
        if (total > max) return { bytes: total, hasName };
        const n = carry + r;
        if (search.scanView(n)) any = true;
        if (r < CHUNK) {
          let trigger = false;
          if (any)
            for (const id of search.found()) {
              if (id < prefilter.triggers) trigger = true;
              else hasName = true;
            }
          if (!trigger) return { bytes: null, hasName };
          // A file read in one chunk is all in the view already.
          if (total === n) return { bytes: view.subarray(0, n), hasName };
          break;
        }
        carry = Math.min(search.longest - 1, n);
        view.copyWithin(0, n - carry, n);
      }
    }
    // Size first, as a file over the limit is skipped whatever it holds.
    const want = Math.min(fstatSync(fd).size, max) + 1;
    if (whole.length < want) whole = Buffer.allocUnsafe(Math.max(want, whole.length * 2));
    let n = 0;
    for (;;) {
      const r = readSync(fd, whole, n, want - n, n);
      if (r === 0) break;
      n += r;
      if (n >= want) break;
    }
    if (n > max) return { bytes: n, hasName };
    return { bytes: whole.subarray(0, n), hasName };
  } finally {
    closeSync(fd);
  }
}

/** One file's outcome; never throws (unreadable files and internal errors are skipped). */
export function readTask(abs: string, maxBytes: number, filters: Filters): ReadOutcome {
  let read: Read;
  try {
    read = readFiltered(abs, maxBytes, filters.prefilter);
  } catch (e) {
    return {
      status: 'skipped',
      reason: `unreadable (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    };
  }
  if (typeof read.bytes === 'number')
    return { status: 'skipped', reason: `too large (over ${Math.round(maxBytes / 1048576)} MiB)` };
  if (read.bytes === null) return read.hasName ? CLEAN_WITH_NAME : CLEAN;
  const hasName = read.hasName ? { hasName: true } : {};
  const bytes = read.bytes;
  if (bytes.indexOf(0) >= 0)
    return { status: 'skipped', reason: 'binary (contains NUL bytes)', ...hasName };
  let check: ByteCheck;
  try {
    check = filters.gate ? filters.gate.byBytes(bytes) : 'full';
  } catch (e) {
    // The gate must not throw; if it does, the file is skipped, never the run.
    return { status: 'skipped', reason: `internal error: ${(e as Error).message}`, ...hasName };
  }
  if (check === 'none') return read.hasName ? CLEAN_WITH_NAME : CLEAN;
  if (check === 'exports') return read.hasName ? EXPORTS_WITH_NAME : EXPORTS;
  // A copy of its own (the read buffers are reused), which the worker can transfer. The token
  // check is left to the analysing thread: it scans anyway, and its scanner is warm.
  return {
    status: 'candidate',
    bytes: new Uint8Array(bytes),
    ...(check === 'full' ? {} : { tokens: check }),
    ...hasName,
  };
}

// `--progress`: one self-rewriting line on stderr while files are linted — only on a terminal and
// never in CI, where a log would fill with carriage returns.
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line so the report starts clean. */
  finish(): void;
}

/** Redraw at most this often; a tree of 60,000 files would otherwise spend its time drawing. */
const INTERVAL_MS = 100;

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}

/** A progress display, or undefined when there must be none (not a terminal, or CI). */
export function createProgress(
  stream: ProgressStream,
  env: NodeJS.ProcessEnv,
  now: () => number = Date.now,
): Progress | undefined {
  if (!stream.isTTY || isCi(env)) return undefined;
  let last = Number.NEGATIVE_INFINITY;
  let drawn = false;
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - last < INTERVAL_MS) return;
      last = t;
      drawn = true;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      stream.write(`\r\u001b[2Klinting ${done}/${total} files (${pct}%)`);
    },
    finish() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}

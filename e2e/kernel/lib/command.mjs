// Runs the e2e's external commands (make, gcc, qemu): output to a log file, a clear error with
// the log's tail when one fails, and a hard timeout where asked.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** A step that failed: the run reports it and stops. */
export class StepError extends Error {}

/** Bad input from the user (a missing spec, a --swap of unknown syscalls): exit 2. */
export class InputError extends StepError {}

/** The last @lines lines of @file, for an error message. */
export function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Runs @argv with stdout and stderr appended to @log. Resolves to {code, signal, timedOut}.
 * With @timeoutMs the process group is killed when the time is up.
 */
export function run(argv, { cwd, log, env, timeoutMs } = {}) {
  const fd = openSync(log, 'a');
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd,
      env: env ?? process.env,
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    let timedOut = false;
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // already gone
            }
          }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      closeSync(fd);
      reject(new StepError(`cannot run ${argv[0]}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      closeSync(fd);
      resolve({ code, signal, timedOut });
    });
  });
}

/** Runs @argv like run(), and throws a StepError naming @what, with the log's tail, unless it exits 0. */
export async function mustRun(what, argv, options) {
  const result = await run(argv, options);
  if (result.code !== 0) {
    const how = result.timedOut ? 'timed out' : `exited ${result.code ?? result.signal}`;
    throw new StepError(
      `${what} failed (${how}); the end of ${options.log}:\n${tail(options.log)}`,
    );
  }
  return result;
}

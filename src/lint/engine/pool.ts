// Runs file tasks: worker threads read and filter (read-task.ts), the main thread analyses
// what they hand over (file-task.ts); in-process for small runs or without a compiled worker.
// In the first pass half the workers take batches from the front of the list and half from
// the back, so the names files export (known once their files are analysed) reach the
// prefilter early from both ends of the tree.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { type FileOutcome, type FileTask, finishTask, type TaskSettings } from './file-task.js';
import { type FilterSpec, filtersFor } from './filters.js';
import { type ReadOutcome, readTask } from './read-task.js';
import type { WorkerBatchReply, WorkerDoneReply, WorkerJob } from './worker.js';

/** A pass's result: outcomes, and for each task which names it was checked for. */
export interface Pass {
  /** Outcomes other than `clean`, in the order of the tasks. */
  outcomes: FileOutcome[];
  /** Per task: how many of `names` (a prefix) it was checked for. */
  checked: Int32Array;
  /** Per task: 1 when it holds one of the names it was checked for. */
  withName: Uint8Array;
  /** The names, in the order `learn` returned them. */
  names: string[];
  /** Milliseconds spent reading per worker, and analysing in the main thread. */
  busy: { read: number[]; analyse: number };
}

export interface Pool {
  /**
   * Reads `tasks` with `filter` and analyses what passes it. `learn` sees outcomes as they
   * come and returns every name known so far (a growing list), which the prefilter then notes
   * in the files still to read.
   */
  run(
    tasks: FileTask[],
    settings: TaskSettings,
    filter: FilterSpec,
    progress?: (n: number) => void,
    learn?: (outcomes: FileOutcome[]) => string[],
  ): Promise<Pass>;
  close(): Promise<void>;
}

/** Worker threads when there is enough work and a compiled worker; otherwise in-process. */
export function createPool(jobs: number, total: number): Pool {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const threads = Math.max(1, Math.min(jobs, Math.ceil(total / 256)));
  if (threads <= 1 || !existsSync(workerFile)) return inProcessPool();
  // The workers read (at least two: one from each end of the list), the main thread analyses.
  return workerPool(workerFile, Math.max(2, threads));
}

function emptyPass(n: number, readers: number): Pass {
  return {
    outcomes: [],
    checked: new Int32Array(n),
    withName: new Uint8Array(n),
    names: [],
    busy: { read: new Array(readers).fill(0), analyse: 0 },
  };
}

function batchSize(tasks: number, threads: number): number {
  return Math.max(16, Math.min(512, Math.ceil(tasks / (threads * 8))));
}

function workerPool(workerFile: string, threads: number): Pool {
  // Readers allocate little: a small young generation keeps their memory down.
  const workers = Array.from(
    { length: threads },
    () => new Worker(workerFile, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 8 } }),
  );
  let nextId = 0;
  return {
    run(tasks, settings, filter, progress, learn) {
      const pass = emptyPass(tasks.length, threads);
      const found: Array<[number, FileOutcome]> = [];
      if (tasks.length === 0) return Promise.resolve(pass);
      const id = nextId++;
      const batch = batchSize(tasks.length, threads);
      const counter = new SharedArrayBuffer(16);
      const shared = new Int32Array(counter);
      shared[2] = Math.ceil(tasks.length / batch) - 1;
      const gate = filter.gateTables ? filtersFor({ ...filter, words: null }).gate : null;
      const paths = tasks.map((t) => t.abs);
      const ports = workers.map(() => new MessageChannel());
      return new Promise((resolvePromise, reject) => {
        let reading = workers.length;
        const onError = (e: unknown): void =>
          reject(e instanceof Error ? e : new Error(`lint worker failed: ${String(e)}`));
        workers.forEach((w, wi) => {
          const onMessage = (m: WorkerBatchReply | WorkerDoneReply): void => {
            if (m.id !== id) return;
            if (m.type === 'done') {
              w.off('message', onMessage);
              w.off('error', onError);
              (ports[wi] as MessageChannel).port1.close();
              if (--reading === 0) {
                // Batches arrive in any order: put the outcomes in the tasks' order.
                pass.outcomes = found.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
                resolvePromise(pass);
              }
              return;
            }
            (pass.busy.read[wi] as number) += m.ms;
            const start = m.index * batch;
            pass.checked.fill(m.names, start, start + m.count);
            const started = performance.now();
            const outs: FileOutcome[] = [];
            for (const [i, read] of m.reads) {
              if (read.hasName) pass.withName[start + i] = 1;
              const o = finishTask(tasks[start + i] as FileTask, read, settings, gate);
              if (o.status === 'clean') continue;
              outs.push(o);
              found.push([start + i, o]);
            }
            pass.busy.analyse += performance.now() - started;
            const names = learn?.(outs) ?? [];
            if (names.length > pass.names.length) {
              pass.names = [...names];
              for (const p of ports) p.port1.postMessage(pass.names);
            }
            progress?.(m.count);
            // One more batch the readers may run ahead of the analysis.
            Atomics.add(shared, 3, 1);
            Atomics.notify(shared, 3);
          };
          w.on('message', onMessage);
          w.once('error', onError);
        });
        workers.forEach((w, wi) => {
          const port = (ports[wi] as MessageChannel).port2;
          w.postMessage(
            {
              type: 'job',
              id,
              paths,
              filter: { ...filter, names: [] },
              maxBytes: settings.maxBytes,
              batch,
              counter,
              // Names matter only while learning them; otherwise read as fast as possible.
              lookahead: learn ? 2 * threads : Number.MAX_SAFE_INTEGER,
              fromBack: wi % 2 === 1,
              names: port,
            } satisfies WorkerJob,
            [port],
          );
        });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

function inProcessPool(): Pool {
  return {
    async run(tasks, settings, filter, progress, learn) {
      const pass = emptyPass(tasks.length, 1);
      const gate = filter.gateTables ? filtersFor({ ...filter, words: null }).gate : null;
      const batch = batchSize(tasks.length, 1);
      for (let start = 0; start < tasks.length; start += batch) {
        const end = Math.min(tasks.length, start + batch);
        const filters = filtersFor({ ...filter, names: pass.names });
        pass.checked.fill(pass.names.length, start, end);
        const outs: FileOutcome[] = [];
        for (let i = start; i < end; i++) {
          const t = tasks[i] as FileTask;
          let read: ReadOutcome;
          try {
            read = readTask(t.abs, settings.maxBytes, filters);
          } catch (e) {
            read = { status: 'skipped', reason: `internal error: ${(e as Error).message}` };
          }
          if (read.hasName) pass.withName[i] = 1;
          const o = finishTask(t, read, settings, gate);
          if (o.status !== 'clean') outs.push(o);
        }
        pass.outcomes.push(...outs);
        const names = learn?.(outs) ?? [];
        if (names.length > pass.names.length) pass.names = [...names];
        progress?.(end - start);
      }
      return pass;
    },
    async close() {},
  };
}

// Runs file tasks: worker threads read and filter (read-task.ts) and the main thread analyses
// what they hand over (file-task.ts), reading batches of its own whenever it has nothing of
// theirs to analyse; in-process for small runs or without a compiled worker. The main thread
// takes batches from the front of the list, the first worker from the back (further ones
// alternate), so the names files export (known once their files are analysed) reach the
// prefilter early from both ends of the tree. With `jobs` threads, jobs - 1 are workers: one
// thread fewer to start and compile the reader in, and the analysis keeps its core busy.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker } from 'node:worker_threads';
import { type FileOutcome, type FileTask, finishTask, type TaskSettings } from './file-task.js';
import { type FilterSpec, type Filters, filtersFor } from './filters.js';
import type { Gate } from './gate.js';
import { readTask } from './read-task.js';
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
  /** Milliseconds spent reading per worker, and reading and analysing in the main thread. */
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

/** A run this small is read in the main thread alone: a worker would start for nothing. */
export const IN_PROCESS_FILES = 256;

/**
 * Worker threads when there may be enough work (`total` files; unknown: infinity, when the
 * pool is made during the walk so that its workers start meanwhile) and a compiled worker;
 * otherwise in-process.
 */
export function createPool(jobs: number, total: number): Pool {
  const workerFile = fileURLToPath(new URL('./worker.js', import.meta.url));
  const threads = Math.max(1, Math.min(jobs, Math.ceil(total / IN_PROCESS_FILES)));
  if (threads <= 1 || !existsSync(workerFile)) return inProcessPool();
  return workerPool(workerFile, threads - 1);
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
      if (tasks.length <= IN_PROCESS_FILES)
        return readInProcess(tasks, settings, filter, progress, learn);
      const pass = emptyPass(tasks.length, threads);
      const found: Array<[number, FileOutcome]> = [];
      const id = nextId++;
      const batch = batchSize(tasks.length, threads + 1);
      const batches = Math.ceil(tasks.length / batch);
      const counter = new SharedArrayBuffer(16);
      const shared = new Int32Array(counter);
      shared[2] = batches - 1;
      const gate = filter.gateTables ? filtersFor({ ...filter, words: null }).gate : null;
      const paths = tasks.map((t) => t.abs);
      const ports = workers.map(() => new MessageChannel());
      return new Promise((resolvePromise, reject) => {
        // The workers and the main thread.
        let reading = workers.length + 1;
        const done = (): void => {
          if (--reading > 0) return;
          // Batches arrive in any order: put the outcomes in the tasks' order.
          pass.outcomes = found.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
          resolvePromise(pass);
        };
        /** A batch's outcomes (with their places): noted, learnt from, and counted analysed. */
        const analysed = (outs: Array<[number, FileOutcome]>, count: number): void => {
          for (const x of outs) found.push(x);
          const names = learn?.(outs.map((x) => x[1])) ?? [];
          if (names.length > pass.names.length) {
            pass.names = [...names];
            for (const p of ports) p.port1.postMessage(pass.names);
          }
          progress?.(count);
          // One more batch the readers may run ahead of the analysis.
          Atomics.add(shared, 3, 1);
          Atomics.notify(shared, 3);
        };
        // The main thread's own batches, from the front: one at a time, each after the
        // workers' outcomes that arrived meanwhile (messages come first in the event loop).
        const readHere = (): void => {
          if (Atomics.add(shared, 0, 1) >= batches) {
            done();
            return;
          }
          const start = Atomics.add(shared, 1, 1) * batch;
          const end = Math.min(tasks.length, start + batch);
          const started = performance.now();
          const filters = filtersFor({ ...filter, names: pass.names });
          pass.checked.fill(pass.names.length, start, end);
          const outs = readBatch(tasks, start, end, settings, filters, gate, pass.withName);
          pass.busy.analyse += performance.now() - started;
          analysed(outs, end - start);
          setImmediate(readHere);
        };
        const onError = (e: unknown): void =>
          reject(e instanceof Error ? e : new Error(`lint worker failed: ${String(e)}`));
        workers.forEach((w, wi) => {
          const onMessage = (m: WorkerBatchReply | WorkerDoneReply): void => {
            if (m.id !== id) return;
            if (m.type === 'done') {
              w.off('message', onMessage);
              w.off('error', onError);
              (ports[wi] as MessageChannel).port1.close();
              done();
              return;
            }
            (pass.busy.read[wi] as number) += m.ms;
            const start = m.index * batch;
            pass.checked.fill(m.names, start, start + m.count);
            const started = performance.now();
            const outs: Array<[number, FileOutcome]> = [];
            for (const [i, read] of m.reads) {
              if (read.hasName) pass.withName[start + i] = 1;
              const o = finishTask(tasks[start + i] as FileTask, read, settings, gate);
              if (o.status !== 'clean') outs.push([start + i, o]);
            }
            pass.busy.analyse += performance.now() - started;
            analysed(outs, m.count);
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
              lookahead: learn ? 2 * (threads + 1) : Number.MAX_SAFE_INTEGER,
              fromBack: wi % 2 === 0,
              names: port,
            } satisfies WorkerJob,
            [port],
          );
        });
        setImmediate(readHere);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Reads and finishes tasks `start` to `end` in this thread: the outcomes but `clean` ones, with
 * their places; files holding a name are marked in `withName`.
 */
function readBatch(
  tasks: FileTask[],
  start: number,
  end: number,
  settings: TaskSettings,
  filters: Filters,
  gate: Gate | null,
  withName: Uint8Array,
): Array<[number, FileOutcome]> {
  const outs: Array<[number, FileOutcome]> = [];
  for (let i = start; i < end; i++) {
    const t = tasks[i] as FileTask;
    const read = readTask(t.abs, settings.maxBytes, filters);
    if (read.hasName) withName[i] = 1;
    const o = finishTask(t, read, settings, gate);
    if (o.status !== 'clean') outs.push([i, o]);
  }
  return outs;
}

/** A whole run in this thread, batch by batch (the names learnt so far noted in the next). */
async function readInProcess(
  tasks: FileTask[],
  settings: TaskSettings,
  filter: FilterSpec,
  progress?: (n: number) => void,
  learn?: (outcomes: FileOutcome[]) => string[],
): Promise<Pass> {
  const pass = emptyPass(tasks.length, 1);
  const gate = filter.gateTables ? filtersFor({ ...filter, words: null }).gate : null;
  const batch = batchSize(tasks.length, 1);
  for (let start = 0; start < tasks.length; start += batch) {
    const end = Math.min(tasks.length, start + batch);
    const filters = filtersFor({ ...filter, names: pass.names });
    pass.checked.fill(pass.names.length, start, end);
    const outs = readBatch(tasks, start, end, settings, filters, gate, pass.withName).map(
      (x) => x[1],
    );
    pass.outcomes.push(...outs);
    const names = learn?.(outs) ?? [];
    if (names.length > pass.names.length) pass.names = [...names];
    progress?.(end - start);
  }
  return pass;
}

function inProcessPool(): Pool {
  return { run: readInProcess, async close() {} };
}

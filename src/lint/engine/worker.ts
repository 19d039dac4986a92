// A reading thread: takes a job (the file list, filters, a shared batch counter) and claims
// batches until none is left — from the back of the list or the front, as the job says (the
// main thread reads from the front between analyses) — sending each batch's read outcomes as it
// goes. Names other files export arrive on a port polled between batches; the main thread,
// busy analysing, never has to hand batches out.
import { type MessagePort, parentPort, receiveMessageOnPort } from 'node:worker_threads';
import { type FilterSpec, filtersFor } from './filters.js';
import { type ReadOutcome, readTask } from './read-task.js';

export interface WorkerJob {
  type: 'job';
  id: number;
  /** The files' absolute paths (only what reading needs: a smaller copy per worker). */
  paths: string[];
  filter: FilterSpec;
  maxBytes: number;
  batch: number;
  /**
   * Int32 claimed-batch count, next front batch, next back batch, batches the main thread
   * has analysed. Once some file has exported a name, a worker stays at most `lookahead`
   * batches ahead of the analysis, so the next names reach the files still to read; until
   * then it reads on (most trees export none, and waiting would leave a core idle).
   */
  counter: SharedArrayBuffer;
  lookahead: number;
  fromBack: boolean;
  /** Name lists (string[]) as they grow. */
  names: MessagePort;
}

export interface WorkerBatchReply {
  type: 'batch';
  id: number;
  index: number;
  /** Outcomes by position in the batch; clean files without a name are left out. */
  reads: Array<[number, ReadOutcome]>;
  count: number;
  /** How many names the batch was checked for. */
  names: number;
  ms: number;
}

export interface WorkerDoneReply {
  type: 'done';
  id: number;
}

parentPort?.on('message', (job: WorkerJob) => {
  const counter = new Int32Array(job.counter);
  const batches = Math.ceil(job.paths.length / job.batch);
  let spec = job.filter;
  for (;;) {
    for (let m = receiveMessageOnPort(job.names); m; m = receiveMessageOnPort(job.names))
      spec = { ...spec, names: m.message as string[] };
    while ((spec.names?.length ?? 0) > 0) {
      const analysed = Atomics.load(counter, 3);
      if (Atomics.load(counter, 0) - analysed < job.lookahead) break;
      Atomics.wait(counter, 3, analysed, 50);
    }
    if (Atomics.add(counter, 0, 1) >= batches) break;
    const index = job.fromBack ? Atomics.sub(counter, 2, 1) : Atomics.add(counter, 1, 1);
    const started = performance.now();
    const filters = filtersFor(spec);
    const reads: Array<[number, ReadOutcome]> = [];
    const transfer: ArrayBuffer[] = [];
    const from = index * job.batch;
    const to = Math.min(job.paths.length, from + job.batch);
    for (let i = from; i < to; i++) {
      const r = readTask(job.paths[i] as string, job.maxBytes, filters);
      if (r.status === 'clean' && !r.hasName) continue;
      if (r.bytes) transfer.push(r.bytes.buffer as ArrayBuffer);
      reads.push([i - from, r]);
    }
    parentPort?.postMessage(
      {
        type: 'batch',
        id: job.id,
        index,
        reads,
        count: to - from,
        names: spec.names?.length ?? 0,
        ms: performance.now() - started,
      } satisfies WorkerBatchReply,
      transfer,
    );
  }
  job.names.close();
  parentPort?.postMessage({ type: 'done', id: job.id } satisfies WorkerDoneReply);
});

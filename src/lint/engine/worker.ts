// A lint worker thread: receives batches of files and settings, answers with their outcomes.
import { parentPort } from 'node:worker_threads';
import { type FileOutcome, type FileTask, runFileTask, type TaskSettings } from './file-task.js';
import { buildPrefilter, type Prefilter } from './prefilter.js';

export interface WorkerBatch {
  id: number;
  tasks: FileTask[];
  settings: TaskSettings;
  /** Prefilter words; null lints every file. */
  words: string[] | null;
}

export interface WorkerReply {
  id: number;
  outcomes: FileOutcome[];
}

let cachedWords: string[] | null = null;
let cached: Prefilter | null = null;

parentPort?.on('message', (batch: WorkerBatch) => {
  if (batch.words !== cachedWords && batch.words?.join('\n') !== cachedWords?.join('\n')) {
    cachedWords = batch.words;
    cached = batch.words ? buildPrefilter(batch.words) : null;
  }
  const outcomes = batch.tasks.map((t) => {
    try {
      return runFileTask(t, batch.settings, batch.words ? cached : null);
    } catch (e) {
      // The scanner must not throw; if anything does, the file is skipped, never the run.
      return {
        rel: t.rel,
        abs: t.abs,
        status: 'skipped',
        reason: `internal error: ${(e as Error).message}`,
      } as FileOutcome;
    }
  });
  parentPort?.postMessage({ id: batch.id, outcomes } satisfies WorkerReply);
});

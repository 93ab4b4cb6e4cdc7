import { MessageChannel } from 'node:worker_threads';
import type { RunRecord } from '../RunRecord.js';
import type { ProgressReporter } from '../progress/ProgressReporter.js';
import { createWorkerPool } from './createWorkerPool.js';
import type { ProgressMessage } from './ProgressMessage.js';
import type { RunSpec } from './RunSpec.js';
import { failedRecord } from './failedRecord.js';
import { threadsOfRun } from './threadsOfRun.js';

export interface RunSuiteOptions {
  /** Runs still to do. */
  readonly runs: readonly RunSpec[];
  /** Absolute paths of the suite's plugin modules. */
  readonly plugins: readonly string[];
  /** Keep each run's final weights under this folder (`<configuration>/seed-<n>/`). */
  readonly weightsFolder?: string;
  /** Where the states of runs with `resume` are (a halving rung's `weightsFolder`). */
  readonly resumeFolder?: string;
  readonly workers: number;
  readonly progress: ProgressReporter;
  /** Saves a finished run (append + fsync) before it counts as done. */
  readonly save: (record: RunRecord) => Promise<void>;
  /** Stops the suite: runs in flight are dropped, finished ones are already saved. */
  readonly signal?: AbortSignal;
}

/**
 * Trains `runs` in parallel on a worker pool, saving each record as soon as it arrives. A run that
 * throws (or whose worker dies) is saved as `failed` and the suite goes on. When `signal` fires, runs
 * in flight are dropped (their workers are terminated) and queued ones never start; resolves once
 * every record that did arrive is saved.
 */
export async function runSuite(options: RunSuiteOptions): Promise<{ interrupted: boolean }> {
  const { runs, plugins, progress, save, signal, weightsFolder, resumeFolder } = options;
  if (runs.length === 0 || signal?.aborted) return { interrupted: Boolean(signal?.aborted) };
  const threads = Math.max(1, options.workers);
  const pool = createWorkerPool(Math.min(threads, runs.length));
  const trainOne = async (spec: RunSpec) => {
    const { port1, port2 } = new MessageChannel();
    const history = threadsOfRun(spec) > 1 ? [] : [...(spec.resume?.history ?? [])];
    port1.on('message', (message: ProgressMessage) => {
      if (message.type === 'epoch' && message.record) history.push(message.record);
      progress.update(spec, message);
    });
    let record: RunRecord;
    try {
      record = await pool.run({ spec, plugins, port: port2, ...(weightsFolder ? { weightsFolder } : {}), ...(resumeFolder ? { resumeFolder } : {}) }, { transferList: [port2], ...(signal ? { signal } : {}) });
    } catch (error) {
      if (signal?.aborted) return;
      record = failedRecord(spec, error, history);
    } finally {
      port1.close();
    }
    // A record that arrived is saved even when the suite is stopping: no finished run is lost.
    await save(record);
    progress.finished(spec, record);
  };
  // Runs are handed out in order, one per free thread (the pool's own queue does not keep the order).
  // Runs start in order while their threads fit: a K-stage run takes K slots (all of them, at most).
  let free = threads;
  const running = new Set<Promise<void>>();
  try {
    for (let next = 0; next < runs.length && !signal?.aborted; ) {
      const need = Math.min(threads, threadsOfRun(runs[next]));
      if (free < need) {
        await Promise.race(running);
        continue;
      }
      free -= need;
      const run: Promise<void> = trainOne(runs[next++]).finally(() => {
        free += need;
        running.delete(run);
      });
      running.add(run);
    }
    await Promise.all(running);
    return { interrupted: Boolean(signal?.aborted) };
  } finally {
    await pool.destroy();
  }
}

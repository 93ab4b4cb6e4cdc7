import { MessageChannel } from 'node:worker_threads';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RunRecord } from '../RunRecord.js';
import { createWorkerPool } from '../run/createWorkerPool.js';
import type { ProgressMessage } from '../run/ProgressMessage.js';
import { checkRedis } from './checkRedis.js';
import { checkRunJob } from './checkRunJob.js';
import { RUN_QUEUE, type RunJobData } from './RunJob.js';
import type { RedisTarget } from './redisUrl.js';

export interface ServeQueueOptions {
  readonly target: RedisTarget;
  /** Runs trained at once, each on its own thread. */
  readonly concurrency: number;
  /** Absolute paths of the plugin modules installed on this worker: the only code a job may name. */
  readonly plugins: readonly string[];
  /** Folders a job's dataset may read from (`--data-dir`); a job naming any other path is refused. */
  readonly dataDirs?: readonly string[];
  /** How long a job's lock lasts without renewal; a worker silent for longer is presumed dead. */
  readonly lockMs?: number;
  /** How often stalled jobs (of dead workers) are looked for and put back on the queue. */
  readonly stalledCheckMs?: number;
  readonly log: (line: string) => void;
  /** Stops taking jobs; jobs in progress are finished first. */
  readonly signal: AbortSignal;
}

/** Job progress is written to Redis at most this often per job (start and epoch ends always are). */
const PROGRESS_MS = 500;

/**
 * `synthgrad worker`: takes runs from the queue and trains each on a thread of its own pool (so the
 * event loop stays free to renew job locks), with the built-ins and the plugins it was started with.
 * A job naming a plugin this worker lacks fails at once, naming it (not retried: another worker may
 * have it), and so does a job that the suite's schema and limits refuse ({@link checkRunJob}). Resolves when `signal` fires and the jobs in progress have finished.
 */
export async function serveQueue(options: ServeQueueOptions): Promise<void> {
  const { target, concurrency, plugins, log, signal } = options;
  await checkRedis(target);
  const installed = new Set(plugins);
  const pool = createWorkerPool(concurrency);
  const processor = async (job: Job<RunJobData, RunRecord>): Promise<RunRecord> => {
    // A job is data from the queue, not from this worker's user: held to the suite's own limits first.
    const problems = checkRunJob(job.data, { concurrency, dataDirs: options.dataDirs ?? [] });
    if (problems.length) throw new UnrecoverableError(`refused: ${problems.join('; ')}`);
    const { spec, plugins: wanted } = job.data;
    const missing = wanted.filter((plugin) => !installed.has(plugin));
    if (missing.length) {
      throw new UnrecoverableError(
        `plugin ${missing.map((p) => `"${p}"`).join(', ')} is not installed on this worker ` +
          `(started with ${plugins.length ? plugins.map((p) => `--plugin ${p}`).join(' ') : 'no --plugin'})`,
      );
    }
    log(`started ${job.id}: ${spec.label}, seed ${spec.seed}`);
    const { port1, port2 } = new MessageChannel();
    let last = 0;
    port1.on('message', (message: ProgressMessage) => {
      const now = Date.now();
      if (message.type === 'batch' && now - last < PROGRESS_MS) return;
      last = now;
      job.updateProgress(message).catch(() => {});
    });
    try {
      const record = await pool.run({ spec, plugins: wanted, port: port2 }, { transferList: [port2] });
      log(`finished ${job.id}: ${spec.label}, seed ${spec.seed}: ${record.status}`);
      return record;
    } finally {
      port1.close();
    }
  };
  const worker = new Worker<RunJobData, RunRecord>(RUN_QUEUE, processor, {
    connection: { ...target.options, maxRetriesPerRequest: null },
    concurrency,
    autorun: false,
    ...(options.lockMs ? { lockDuration: options.lockMs } : {}),
    ...(options.stalledCheckMs ? { stalledInterval: options.stalledCheckMs } : {}),
  });
  worker.on('error', (error) => log(`queue error: ${error.message}`));
  worker.on('failed', (job, error) => log(`failed ${job?.id ?? '?'}: ${error.message}`));
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      log('stopping: finishing the runs in progress…');
      worker.close().then(resolve, resolve);
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  log(`worker on ${target.display}: ${concurrency} at a time${plugins.length ? `, plugins ${plugins.join(', ')}` : ''}`);
  worker.run().catch((error: Error) => log(`queue error: ${error.message}`));
  try {
    await stopped;
  } finally {
    await pool.destroy();
  }
}

import { Job, Queue, QueueEvents } from 'bullmq';
import type { EpochRecord } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { ProgressMessage } from '../run/ProgressMessage.js';
import type { RunSpec } from '../run/RunSpec.js';
import { failedRecord } from '../run/failedRecord.js';
import type { RunSuiteOptions } from '../run/runSuite.js';
import { checkRedis } from './checkRedis.js';
import { RUN_QUEUE, type RunJobData } from './RunJob.js';
import { checkJobRecord } from './checkJobRecord.js';
import { runJobId } from './runJobId.js';
import type { RedisTarget } from './redisUrl.js';

export interface RunSuiteOnQueueOptions extends Omit<RunSuiteOptions, 'workers'> {
  readonly target: RedisTarget;
  /** Tries per job before it counts as failed (a worker that dies mid-run is retried by BullMQ's stall check). */
  readonly attempts?: number;
}

/** Finished jobs are kept this long, so submitting the same suite again finds them instead of training again. */
const KEEP_FINISHED_SECONDS = 30 * 24 * 3600;

/**
 * Trains `runs` on a BullMQ queue served by `synthgrad worker` processes: one job per run with a
 * deterministic id ({@link runJobId}), so submitting again never duplicates a run; jobs already
 * finished on the queue are picked up at once, failed ones are retried. Each record is saved as it
 * arrives; a job that failed all its attempts is saved as `failed` with BullMQ's reason. When `signal`
 * fires, waiting stops and queued jobs stay on the queue (workers go on; `--resume` collects them).
 */
export async function runSuiteOnQueue(options: RunSuiteOnQueueOptions): Promise<{ interrupted: boolean }> {
  const { runs, plugins, progress, save, signal, target } = options;
  if (runs.length === 0 || signal?.aborted) return { interrupted: Boolean(signal?.aborted) };
  await checkRedis(target);
  const connection = { ...target.options, maxRetriesPerRequest: null };
  const queue = new Queue<RunJobData, RunRecord>(RUN_QUEUE, { connection });
  const events = new QueueEvents(RUN_QUEUE, { connection });
  const swallow = () => {}; // connection errors surface as failed calls below; don't crash on 'error'
  queue.on('error', swallow);
  events.on('error', swallow);
  const specs = new Map<string, RunSpec>();
  // The epochs each job's current attempt reported finished: a job that fails late keeps them.
  const histories = new Map<string, EpochRecord[]>();
  events.on('progress', ({ jobId, data }) => {
    const spec = specs.get(jobId);
    if (!spec || !isProgressMessage(data)) return;
    if (data.type === 'start') histories.set(jobId, []);
    if (data.type === 'epoch' && typeof data.record === 'object' && data.record !== null) histories.get(jobId)?.push(data.record);
    progress.update(spec, { ...data, index: spec.index });
  });
  try {
    await events.waitUntilReady();
    const jobs = await queue.addBulk(
      runs.map((spec) => {
        const jobId = runJobId(spec, plugins);
        specs.set(jobId, spec);
        return {
          name: spec.label,
          data: { spec, plugins },
          opts: {
            jobId,
            attempts: options.attempts ?? 2,
            removeOnComplete: { age: KEEP_FINISHED_SECONDS },
            removeOnFail: { age: KEEP_FINISHED_SECONDS },
          },
        };
      }),
    );
    // A job id already on the queue returns the job that is there: retry it if it had failed.
    await Promise.all(jobs.map(async (job) => ((await job.getState()) === 'failed' ? job.retry('failed') : undefined)));

    const aborted = new Promise<'aborted'>((resolve) => {
      if (signal?.aborted) resolve('aborted');
      signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    await Promise.all(
      jobs.map(async (job: Job<RunJobData, RunRecord>) => {
        const spec = specs.get(job.id!)!;
        const outcome = await Promise.race([
          job.waitUntilFinished(events).then(
            (value: unknown) => ({ record: parseRecord(value, spec) }),
            (error: Error) => ({ record: failedWithEpochs(spec, error, histories.get(job.id!) ?? []) }),
          ),
          aborted,
        ]);
        if (outcome === 'aborted') return;
        await save(outcome.record);
        progress.finished(spec, outcome.record);
      }),
    );
    return { interrupted: Boolean(signal?.aborted) };
  } finally {
    await Promise.allSettled([events.close(), queue.close()]);
  }
}

/**
 * A job's return value arrives as the record or as its JSON text. Only this run's own record is kept
 * ({@link checkJobRecord}: a forged, empty or other run's record is not); anything else is saved as
 * this run `failed`, saying why, so `--resume` trains it again.
 */
function parseRecord(value: unknown, spec: RunSpec): RunRecord {
  let record: unknown = value;
  if (typeof value === 'string') {
    try {
      record = JSON.parse(value);
    } catch {
      return failedRecord(spec, new Error('the worker returned no run record (not JSON)'));
    }
  }
  const problem = checkJobRecord(record, spec);
  return problem ? failedRecord(spec, new Error(`the worker returned a record that is not this run's: ${problem}`)) : (record as RunRecord);
}

/** A failed job's record with the epochs its progress reported, unless they do not make a record of this run. */
function failedWithEpochs(spec: RunSpec, error: Error, history: readonly EpochRecord[]): RunRecord {
  const record = failedRecord(spec, error, history.slice(0, spec.training.epochs));
  return checkJobRecord(record, spec) === undefined ? record : failedRecord(spec, error);
}

function isProgressMessage(data: unknown): data is ProgressMessage {
  return typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string';
}

import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { parseRedisUrl } from '../queue/redisUrl.js';
import { serveQueue } from '../queue/serveQueue.js';
import { CliError } from './CliError.js';
import type { CliIo } from './CliIo.js';
import { parseCount } from './parseCount.js';

export interface WorkerOptions {
  readonly queue?: string;
  readonly concurrency?: string;
  readonly plugin?: readonly string[];
  /** Folders jobs' datasets may read from. */
  readonly dataDir?: readonly string[];
  /** Milliseconds; for tests and slow networks. */
  readonly lockMs?: string;
  readonly stalledCheckMs?: string;
}

/**
 * `synthgrad worker --queue redis://…`: serves the queue until SIGINT or SIGTERM, which finish the
 * runs in progress first (a second signal quits at once; BullMQ then hands those runs to another worker).
 */
export async function workerCommand(options: WorkerOptions, io: CliIo): Promise<number> {
  if (options.queue === undefined) throw new CliError('worker: --queue redis://host:port[/db] is required');
  const target = parseRedisUrl('--queue', options.queue);
  const concurrency =
    options.concurrency === undefined ? availableParallelism() : parseCount('--concurrency', options.concurrency, 1);
  const plugins = (options.plugin ?? []).map((p) => resolve(io.cwd, p));
  const absent = plugins.filter((p) => !existsSync(p));
  if (absent.length) throw new CliError(`worker: --plugin ${absent.map((p) => `"${p}"`).join(', ')} does not exist`);
  const dataDirs = (options.dataDir ?? []).map((d) => resolve(io.cwd, d));
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  try {
    await serveQueue({
      target,
      concurrency,
      plugins,
      dataDirs,
      ...(options.lockMs ? { lockMs: parseCount('--lock-ms', options.lockMs, 100) } : {}),
      ...(options.stalledCheckMs ? { stalledCheckMs: parseCount('--stalled-check-ms', options.stalledCheckMs, 100) } : {}),
      log: io.err,
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
  return 0;
}

import { Redis } from 'ioredis';
import { CliError } from '../cli/CliError.js';
import type { RedisTarget } from './redisUrl.js';

/** How long to try to reach Redis before saying it cannot be reached. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects once and sends PING, without retries: a Redis that is down, a wrong password or a wrong
 * host fails at once with a {@link CliError} naming the URL (exit 2), instead of BullMQ retrying
 * forever in the background. Then selects the URL's database: one that does not exist is refused
 * too, instead of going on in database 0.
 */
export async function checkRedis(target: RedisTarget): Promise<void> {
  const probe = new Redis({
    ...target.options,
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // ioredis reports the cause (ECONNREFUSED, ENOTFOUND, …) on 'error' and rejects with "Connection is closed".
  let cause: Error | undefined;
  probe.on('error', (error: Error) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    const reason = (cause ?? (error as Error)).message || String(error);
    probe.disconnect();
    throw new CliError(`cannot reach Redis at ${target.display}: ${reason}`);
  }
  try {
    // ioredis selects the database on connecting but goes on in database 0 when that fails.
    await probe.call('SELECT', String(target.options.db));
  } catch (error) {
    throw new CliError(`Redis at ${target.display} has no database ${target.options.db}: ${(error as Error).message}`);
  } finally {
    probe.disconnect();
  }
}

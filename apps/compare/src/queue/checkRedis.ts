import { Redis } from 'ioredis';
import { CliError } from '../cli/CliError.js';
import type { RedisTarget } from './redisUrl.js';

/** How long to try to reach Redis before saying it cannot be reached. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects once and sends PING, without retries: a Redis that is down, a wrong password or a wrong
 * host fails at once with a {@link CliError} naming the URL (exit 2), instead of BullMQ retrying
 * forever in the background.
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
  probe.on('error', () => {}); // reported by connect()/ping() below
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new CliError(`cannot reach Redis at ${target.display}: ${(error as Error).message || String(error)}`);
  } finally {
    probe.disconnect();
  }
}

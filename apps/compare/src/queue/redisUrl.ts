import { CliError } from '../cli/CliError.js';

/** A parsed `--queue` URL: what to connect with, and how to name it in messages (no password). */
export interface RedisTarget {
  readonly options: RedisEndpoint;
  /** The URL with any password replaced by `***`. */
  readonly display: string;
}

/** Where Redis is and how to log in: accepted by ioredis and BullMQ alike. */
export interface RedisEndpoint {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  readonly username?: string;
  readonly password?: string;
  /** Set for `rediss://`. */
  readonly tls?: Record<string, never>;
}

/**
 * Parses `redis://[user[:password]@]host[:port][/db]` or `rediss://…` (TLS). Anything else fails
 * naming the option and the accepted forms; the password never appears in a message.
 *
 * @example
 * ```ts
 * parseRedisUrl('--queue', 'redis://:secret@10.0.0.5:6379/2').display; // "redis://:***@10.0.0.5:6379/2"
 * ```
 */
export function parseRedisUrl(option: string, text: string): RedisTarget {
  const expected = 'expected redis://[user[:password]@]host[:port][/db] or rediss://…';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`${option}: ${expected}, got "${mask(text)}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new CliError(`${option}: ${expected}, got the scheme "${url.protocol}"`);
  }
  if (url.hostname === '') throw new CliError(`${option}: ${expected}; the URL names no host`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) {
    throw new CliError(`${option}: the database in "${mask(text)}" must be a number 0–99, got "${path}"`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new CliError(`${option}: "${mask(text)}" has a query or fragment; ${expected}`);
  }
  const options: RedisEndpoint = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    db: path === '' ? 0 : Number(path),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  const credentials = url.username || url.password ? `${url.username}${url.password ? ':***' : ''}@` : '';
  return { options, display: `${url.protocol}//${credentials}${url.host}${path ? `/${path}` : ''}` };
}

function mask(text: string): string {
  return text.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

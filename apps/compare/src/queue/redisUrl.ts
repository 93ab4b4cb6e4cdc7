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
  // A `/`, `#` or `?` left unescaped in a password ends the password there: its rest is read as the
  // path, query or fragment. Those are named by what is wrong, never shown.
  const secret = url.password !== '' || text.slice(0, text.lastIndexOf('@') + 1).includes(':');
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) {
    throw new CliError(`${option}: the database in "${mask(text)}" must be a number 0–99${secret ? '' : `, got "${path}"`}${hint(text)}`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new CliError(`${option}: "${mask(text)}" has a query or fragment; ${expected}${hint(text)}`);
  }
  const decode = (part: string, what: string) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new CliError(`${option}: the ${what} in "${mask(text)}" holds a % that is not followed by two hex digits; write a % in it as %25`);
    }
  };
  const options: RedisEndpoint = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    db: path === '' ? 0 : Number(path),
    ...(url.username ? { username: decode(url.username, 'user name') } : {}),
    ...(url.password ? { password: decode(url.password, 'password') } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  const credentials = url.username || url.password ? `${url.username}${url.password ? ':***' : ''}@` : '';
  return { options, display: `${url.protocol}//${credentials}${url.host}${path ? `/${path}` : ''}` };
}

/** The URL with everything between `//` and its last `@` hidden: a password may hold `@`, `/`, `:` or `#`. */
function mask(text: string): string {
  const at = text.lastIndexOf('@');
  const start = text.indexOf('//');
  if (at < 0) return text;
  return start >= 0 && start < at ? `${text.slice(0, start + 2)}***${text.slice(at)}` : `***${text.slice(at)}`;
}

/** When the URL has a password, how to write the characters that end it early. */
function hint(text: string): string {
  return text.includes('@') ? ' (in a password, write @ as %40, / as %2F, # as %23, ? as %3F and % as %25)' : '';
}

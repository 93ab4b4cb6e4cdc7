import { ConfigError } from './errors.js';
import { didYouMean } from './nearestNames.js';

/**
 * A plugin's options as a record (shared by every plugin so typos fail alike): `{}` for `undefined`; a `ConfigError` at `path` for anything that is not a
 * plain object or that has a key outside `known` (a typo would otherwise be silently ignored; the message
 * suggests the nearest known key).
 */
export function readOptions(path: string, options: unknown, known: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError(path, `options must be an object, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      const expected = known.length ? `known: ${known.map((k) => `"${k}"`).join(', ')}` : 'it takes no options';
      throw new ConfigError(path, `unknown option "${key}"; ${expected}${didYouMean(key, known)}`);
    }
  }
  return options as Record<string, unknown>;
}

/** A short rendering of a configuration value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}

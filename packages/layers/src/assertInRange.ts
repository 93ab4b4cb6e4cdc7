import { ConfigError } from '@synthgrad/core';

/** Throws a ConfigError at `path` unless `min ≤ value < max` (or `≤ max` when `maxInclusive`). */
export function assertInRange(path: string, value: number, min: number, max: number, maxInclusive = false): void {
  const ok = value >= min && (maxInclusive ? value <= max : value < max);
  if (!ok) throw new ConfigError(path, `must be in [${min}, ${max}${maxInclusive ? ']' : ')'}, got ${value}`);
}

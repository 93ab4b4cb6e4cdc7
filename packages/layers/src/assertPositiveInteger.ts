import { ConfigError } from '@synthgrad/core';

/** Throws a ConfigError at `path` unless `value` is a positive integer (a layer width). */
export function assertPositiveInteger(path: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(path, `must be a positive integer, got ${value}`);
}

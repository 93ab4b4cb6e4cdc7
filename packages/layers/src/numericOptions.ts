import { ConfigError, describeValue, readOptions } from '@synthgrad/core';

/**
 * Reads a plugin's numeric options over `defaults`, refusing unknown keys and non-finite values so
 * that a typo in a configuration fails loudly instead of silently running with the default.
 */
export function numericOptions<K extends string>(
  owner: string,
  options: Record<string, unknown> | undefined,
  defaults: Readonly<Record<K, number>>,
): Record<K, number> {
  const result: Record<K, number> = { ...defaults };
  for (const [key, value] of Object.entries(readOptions(`${owner}.options`, options, Object.keys(defaults)))) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ConfigError(`${owner}.options.${key}`, `expected a finite number, got ${describeValue(value)}`);
    }
    result[key as K] = value;
  }
  return result;
}

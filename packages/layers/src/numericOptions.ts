import { ConfigError } from '@synthgrad/core';

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
  const known = Object.keys(defaults);
  for (const [key, value] of Object.entries(options ?? {})) {
    if (!known.includes(key)) {
      const list = known.length ? known.map((k) => `"${k}"`).join(', ') : '(none)';
      throw new ConfigError(`${owner}.options.${key}`, `unknown option; known: ${list}`);
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new ConfigError(`${owner}.options.${key}`, `expected a finite number, got ${JSON.stringify(value)}`);
    }
    result[key as K] = value;
  }
  return result;
}

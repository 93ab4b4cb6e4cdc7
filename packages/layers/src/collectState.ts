import type { Matrix } from '@synthgrad/tensor';
import { FormatError } from './FormatError.js';

/**
 * Merges named state records under prefixes (`"dense"` + `"weights"` → `"dense.weights"`; an empty
 * prefix keeps the name), refusing a name given twice so that nothing is silently overwritten.
 *
 * @example
 * ```ts
 * collectState([['weights', { '': weights, ...prefixed }], ['layer0', layer.state()]]);
 * ```
 */
export function collectState(parts: readonly (readonly [string, Readonly<Record<string, Matrix>>])[]): Record<string, Matrix> {
  const result: Record<string, Matrix> = {};
  for (const [prefix, record] of parts) {
    for (const [name, m] of Object.entries(record)) {
      const full = prefix === '' ? name : name === '' ? prefix : `${prefix}.${name}`;
      if (Object.hasOwn(result, full)) throw new FormatError(`collectState: two state tensors are named "${full}"`);
      result[full] = m;
    }
  }
  return result;
}

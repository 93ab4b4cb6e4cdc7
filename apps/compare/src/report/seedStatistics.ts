/** One quantity summarised over the seeds of a configuration. */
export interface SeedStatistics {
  /** How many seeds contributed a value. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (divisor n − 1); 0 for a single seed. */
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Mean, sample standard deviation and range of one value per seed; `undefined` for no values.
 *
 * @example
 * ```ts
 * seedStatistics([1, 2, 3, 4]); // { n: 4, mean: 2.5, std: 1.291, min: 1, max: 4 }
 * ```
 */
export function seedStatistics(values: readonly number[]): SeedStatistics | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { n, mean, std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, min, max };
}

import { seedStatistics } from './seedStatistics.js';
import { studentTQuantile } from './studentTQuantile.js';

/** A mean over seeds with its two-sided confidence interval. */
export interface ConfidenceInterval {
  /** How many values (seeds, or pairs of seeds) it is over. */
  readonly n: number;
  readonly mean: number;
  /** Bounds of the interval; absent for a single value (no spread to estimate). */
  readonly low?: number;
  readonly high?: number;
}

/**
 * The Student t interval of the mean of `values`: mean ± t(1 − (1 − level)/2, n − 1)·s/√n, with s the
 * sample standard deviation; `undefined` for no values, no bounds for one.
 *
 * @example
 * ```ts
 * confidenceInterval([0.9, 0.92, 0.94]); // { n: 3, mean: 0.92, low: 0.8703, high: 0.9697 }
 * ```
 */
export function confidenceInterval(values: readonly number[], level = 0.95): ConfidenceInterval | undefined {
  const statistics = seedStatistics(values);
  if (!statistics) return undefined;
  const { n, mean, std } = statistics;
  if (n < 2) return { n, mean };
  const half = (studentTQuantile(1 - (1 - level) / 2, n - 1) * std) / Math.sqrt(n);
  return { n, mean, low: mean - half, high: mean + half };
}

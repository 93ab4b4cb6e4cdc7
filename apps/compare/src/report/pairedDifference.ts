import type { RunRecord } from '../RunRecord.js';
import { confidenceInterval, type ConfidenceInterval } from './confidenceInterval.js';
import type { EpochValue } from './learningCurve.js';
import { finiteOrUndefined } from './finiteOrUndefined.js';

/** A configuration's final metric minus the baseline's, seed by seed. */
export interface PairedDifference extends ConfidenceInterval {
  /** The seeds both configurations completed, whose differences the interval is over. */
  readonly seeds: readonly number[];
}

/**
 * The final value of `value` (last epoch of each completed run), per seed.
 *
 * @example
 * ```ts
 * finalBySeed(runs, (e) => e.test.accuracy); // Map { 1 => 0.93, 2 => 0.94 }
 * ```
 */
export function finalBySeed(runs: readonly RunRecord[], value: EpochValue): Map<number, number> {
  const finals = new Map<number, number>();
  for (const run of runs) {
    if (run.status !== 'completed' || run.history.length === 0) continue;
    const v = finiteOrUndefined(value(run.history[run.history.length - 1]));
    if (v !== undefined) finals.set(run.seed, v);
  }
  return finals;
}

/**
 * Paired differences against a baseline: for every seed both completed, this configuration's final
 * value minus the baseline's on that seed, with the 95% Student t interval of their mean. Pairing by
 * seed takes out what a seed does to both (initial weights, data order), so the interval is
 * usually narrower than the difference of two separate intervals. `undefined` when no seed pairs.
 *
 * @example
 * ```ts
 * pairedDifference(dniRuns, backpropRuns, (e) => e.test.exactAccuracy);
 * // { n: 3, mean: -0.012, low: -0.03, high: 0.006, seeds: [1, 2, 3] }
 * ```
 */
export function pairedDifference(
  runs: readonly RunRecord[],
  baseline: readonly RunRecord[],
  value: EpochValue,
  level = 0.95,
): PairedDifference | undefined {
  const ours = finalBySeed(runs, value);
  const theirs = finalBySeed(baseline, value);
  const seeds = [...ours.keys()].filter((seed) => theirs.has(seed)).sort((a, b) => a - b);
  const interval = confidenceInterval(seeds.map((seed) => ours.get(seed)! - theirs.get(seed)!), level);
  return interval && { ...interval, seeds };
}

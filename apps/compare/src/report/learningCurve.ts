import type { EpochRecord } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import { finiteOrUndefined } from './finiteOrUndefined.js';
import { historyEpochs } from './historyEpochs.js';
import { seedStatistics, type SeedStatistics } from './seedStatistics.js';
import { extremes } from './extremes.js';

/** A metric at one epoch, over the seeds that measured it (or, carried forward, stopped before it). */
export interface CurvePoint extends SeedStatistics {
  /** Counted from 1: epoch e is measured after e passes over the training set. */
  readonly epoch: number;
  /** Of the `n` values, how many are a stopped seed's last value carried forward (0 when none; absent without `carryForward`). */
  readonly carried?: number;
}

/** Reads one number off an epoch record; `undefined` (or a non-finite value) means not measured. */
export type EpochValue = (record: EpochRecord) => number | null | undefined;

export interface LearningCurveOptions {
  /**
   * Past a run's last epoch (it stopped early, diverged, or ended at a halving rung), count its last
   * measured value at every later epoch any seed reached, so the mean over seeds does not jump when
   * one seed stops. Each point says how many of its values were carried.
   */
  readonly carryForward?: boolean;
}

/**
 * One configuration's learning curve over its seeds, epochs numbered by the records' own `epoch`
 * field (see {@link historyEpochs}). By default a run that stopped early contributes only the epochs
 * it finished, so later points summarise the runs still going (`n` says how many); with
 * `carryForward` every seed counts at every epoch after its first value, stopped seeds at their last.
 *
 * @example
 * ```ts
 * const curve = learningCurve(runsOfOneLabel, (e) => e.test.bitAccuracy, { carryForward: true });
 * curve[0]; // { epoch: 1, n: 3, mean: 0.52, std: 0.01, min: 0.51, max: 0.53, carried: 0 }
 * ```
 */
export function learningCurve(runs: readonly RunRecord[], value: EpochValue, options: LearningCurveOptions = {}): CurvePoint[] {
  const measured = runs.map((run) => {
    const epochs = historyEpochs(run.history);
    const values = new Map<number, number>();
    run.history.forEach((record, index) => {
      const v = finiteOrUndefined(value(record));
      if (v !== undefined) values.set(epochs[index], v);
    });
    // Every measured epoch lies before any epoch past the run's end: the last one is carried.
    const last = [...values].sort(([a], [b]) => a - b).at(-1)?.[1];
    return { values, last, lastEpoch: Math.max(0, extremes(epochs).max) };
  });
  const epochs = [...new Set(measured.flatMap((m) => [...m.values.keys()]))].sort((a, b) => a - b);
  return epochs.map((epoch) => {
    const values: number[] = [];
    let carried = 0;
    for (const run of measured) {
      const v = run.values.get(epoch);
      if (v !== undefined) values.push(v);
      else if (options.carryForward && epoch > run.lastEpoch) {
        if (run.last !== undefined) {
          values.push(run.last);
          carried++;
        }
      }
    }
    return { epoch, ...seedStatistics(values)!, ...(options.carryForward ? { carried } : {}) };
  });
}


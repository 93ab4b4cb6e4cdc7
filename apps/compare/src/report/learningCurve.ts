import type { EpochRecord } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import { finiteOrUndefined } from './finiteOrUndefined.js';
import { seedStatistics, type SeedStatistics } from './seedStatistics.js';

/** A metric at one epoch, over the seeds whose run reached that epoch and measured it. */
export interface CurvePoint extends SeedStatistics {
  /** Counted from 1: epoch e is measured after e passes over the training set. */
  readonly epoch: number;
}

/** Reads one number off an epoch record; `undefined` (or a non-finite value) means not measured. */
export type EpochValue = (record: EpochRecord) => number | null | undefined;

/**
 * One configuration's learning curve over its seeds. A run that stopped early (diverged) contributes
 * only the epochs it finished, so later points summarise the runs still going (`n` says how many).
 *
 * @example
 * ```ts
 * const curve = learningCurve(runsOfOneLabel, (e) => e.test.bitAccuracy);
 * curve[0]; // { epoch: 1, n: 3, mean: 0.52, std: 0.01, min: 0.51, max: 0.53 }
 * ```
 */
export function learningCurve(runs: readonly RunRecord[], value: EpochValue): CurvePoint[] {
  const byEpoch = new Map<number, number[]>();
  for (const run of runs) {
    run.history.forEach((record, index) => {
      const v = finiteOrUndefined(value(record));
      if (v === undefined) return;
      // A history holds every epoch in order, so its index says the epoch whatever a record says
      // (records written before epochs were counted from 1 say 0 for the first).
      const epoch = index + 1;
      const values = byEpoch.get(epoch);
      if (values) values.push(v);
      else byEpoch.set(epoch, [v]);
    });
  }
  return [...byEpoch.entries()]
    .sort(([a], [b]) => a - b)
    .map(([epoch, values]) => ({ epoch, ...seedStatistics(values)! }));
}

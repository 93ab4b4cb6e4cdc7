import type { RunRecord, Suite, SuiteRun } from '../RunRecord.js';
import { bestEpoch } from './bestEpoch.js';
import { epochsToThreshold } from './epochsToThreshold.js';
import { finiteOrUndefined } from './finiteOrUndefined.js';
import { learningCurve } from './learningCurve.js';
import { seedStatistics, type SeedStatistics } from './seedStatistics.js';
import type { TaskCriteria } from './taskCriteria.js';

/** How many of a configuration's runs ended each way; `missing` = seeds with no record. */
export interface StatusCounts {
  readonly completed: number;
  readonly diverged: number;
  readonly failed: number;
  readonly missing: number;
}

/** One row of the summary table. */
export interface ConfigurationSummary {
  readonly label: string;
  /** The suite's entry for this configuration (absent for a label the suite does not name). */
  readonly run: SuiteRun | undefined;
  readonly runs: readonly RunRecord[];
  readonly status: StatusCounts;
  /** The suite's seeds with no record for this configuration. */
  readonly missingSeeds: readonly number[];
  /** Epochs each run was to train. */
  readonly plannedEpochs: number;
  /** By metric id: the last epoch's value of each completed run, over seeds. */
  readonly final: ReadonlyMap<string, SeedStatistics>;
  /** Epoch (from 1) with the best mean of the ranking metrics, over every run's history. */
  readonly bestEpoch: number | undefined;
  /** First epoch (from 1) whose mean threshold metric reaches the threshold. */
  readonly epochsToThreshold: number | undefined;
  /** Per run: how many of the runs with epochs reached the threshold, and at which epoch (from 1), over those that did. */
  readonly thresholdRuns: { readonly reached: number; readonly of: number; readonly epochs: SeedStatistics | undefined };
  /** Epochs each run trained (fewer than planned: stopped by `training.stopWhen`, diverged, or a halving rung). */
  readonly epochsRun: SeedStatistics | undefined;
  /** Runs that `training.stopWhen` stopped, by criterion. */
  readonly stopped: { readonly reached: number; readonly plateau: number };
  /** Wall-clock seconds per completed run. */
  readonly seconds: SeedStatistics | undefined;
}

/**
 * Summarises one configuration's runs. Final values come from completed runs only (a diverged run
 * is counted in `status` instead); best epoch and epochs-to-threshold read the mean curves over all
 * runs, where a diverged run contributes the epochs it finished.
 *
 * @example
 * ```ts
 * const row = summariseConfiguration('backprop', runs, suite, taskCriteria('binary-digits'));
 * row.final.get('test-exact-accuracy')?.mean; // 0.93
 * ```
 */
export function summariseConfiguration(
  label: string,
  runs: readonly RunRecord[],
  suite: Suite,
  criteria: TaskCriteria,
): ConfigurationSummary {
  const run = suite.runs.find((r) => r.label === label);
  const count = (status: RunRecord['status']) => runs.filter((r) => r.status === status).length;
  const seedsRecorded = new Set(runs.map((r) => r.seed));
  const missingSeeds = run ? suite.seeds.filter((seed) => !seedsRecorded.has(seed)) : [];
  const completed = runs.filter((r) => r.status === 'completed' && r.history.length > 0);
  const final = new Map<string, SeedStatistics>();
  for (const metric of new Set([...criteria.columns, ...criteria.ranking, criteria.tieBreak])) {
    const values = completed.flatMap((r) => finiteOrUndefined(metric.value(r.history[r.history.length - 1])) ?? []);
    const statistics = seedStatistics(values);
    if (statistics) final.set(metric.id, statistics);
  }
  const [primary, secondary] = criteria.ranking.map((metric) => learningCurve(runs, metric.value));
  return {
    label,
    run,
    runs,
    status: {
      completed: count('completed'),
      diverged: count('diverged'),
      failed: count('failed'),
      missing: missingSeeds.length,
    },
    missingSeeds,
    plannedEpochs: run?.training?.epochs ?? runs[0]?.training.epochs ?? suite.training.epochs,
    final,
    bestEpoch: bestEpoch(primary, secondary),
    epochsToThreshold: epochsToThreshold(learningCurve(runs, criteria.threshold.metric.value), criteria.threshold.value),
    thresholdRuns: thresholdRuns(runs, criteria),
    epochsRun: seedStatistics(runs.filter((r) => r.history.length > 0).map((r) => r.history.length)),
    stopped: {
      reached: runs.filter((r) => r.stopped?.criterion === 'reached').length,
      plateau: runs.filter((r) => r.stopped?.criterion === 'plateau').length,
    },
    seconds: seedStatistics(completed.map((r) => r.seconds)),
  };
}

function thresholdRuns(runs: readonly RunRecord[], { threshold }: TaskCriteria): ConfigurationSummary['thresholdRuns'] {
  const trained = runs.filter((r) => r.history.length > 0);
  const epochs = trained.flatMap((r) => {
    const index = r.history.findIndex((e) => (finiteOrUndefined(threshold.metric.value(e)) ?? -Infinity) >= threshold.value);
    return index < 0 ? [] : [index + 1];
  });
  return { reached: epochs.length, of: trained.length, epochs: seedStatistics(epochs) };
}

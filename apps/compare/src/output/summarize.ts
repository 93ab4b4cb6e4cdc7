import {
  groupByConfiguration,
  rankConfigurations,
  reportMetrics,
  reportTaskOf,
  summariseConfiguration,
  selectionSplitOf,
  taskCriteria,
  type ReportMetric,
  type ReportTask,
  type SelectionSplit,
  type SeedStatistics,
} from '../report/index.js';
import { configurationConfidence, type MetricConfidence } from '../report/configurationConfidence.js';
import { reportBaseline } from '../report/renderReport.js';
import type { RunRecord } from '../RunRecord.js';
import type { Suite } from '../suite/suiteSchema.js';

type Metric = 'exactAccuracy' | 'bitAccuracy' | 'accuracy';

/** One configuration's results over its seeds, flattened for the terminal table and summary.csv. */
export interface ConfigurationSummary {
  readonly label: string;
  readonly trainer: string;
  readonly runs: number;
  readonly completed: number;
  readonly diverged: number;
  readonly failed: number;
  readonly task: ReportTask;
  /** The split the ranking and the best epoch read. */
  readonly selection: SelectionSplit;
  /** The table's columns (train, validation, test metrics) and their final values over completed runs, by metric id. */
  readonly columns: readonly ReportMetric[];
  readonly finals: ReadonlyMap<string, SeedStatistics>;
  /** Final test accuracies over completed runs. */
  readonly exactAccuracy?: SeedStatistics;
  readonly bitAccuracy?: SeedStatistics;
  readonly accuracy?: SeedStatistics;
  /** Epoch (from 1) where the mean ranking metric over the runs is highest. */
  readonly bestEpoch?: number;
  /** `metric`: a report metric id (`train-bit-accuracy`). */
  readonly threshold: { readonly metric: string; readonly title: string; readonly value: number };
  /** First epoch (from 1) whose mean threshold metric over the runs reaches the threshold. */
  readonly epochsToThreshold?: number;
  /** Per run: how many reached the threshold, of how many, and at which epoch (from 1). */
  readonly thresholdRuns: { readonly reached: number; readonly of: number; readonly epochs?: SeedStatistics };
  /** Epochs each run trained. */
  readonly epochsRun?: SeedStatistics;
  /** Runs stopped by `training.stopWhen`: level reached, plateau. */
  readonly stoppedReached: number;
  readonly stoppedPlateau: number;
  /** Seconds per completed run. */
  readonly seconds?: SeedStatistics;
  /** The configuration the paired differences are against (absent: none labelled or trained by backprop, none chosen). */
  readonly baseline?: string;
  /** By metric id ({@link CONFIDENCE_METRICS}): 95% interval of the final value over seeds, and the paired difference to the baseline. */
  readonly confidence: ReadonlyMap<string, MetricConfidence>;
}

/** The metrics summary.csv gives intervals and paired differences of: test and validation accuracies. */
export const CONFIDENCE_METRICS = [
  reportMetrics.testExactAccuracy,
  reportMetrics.testBitAccuracy,
  reportMetrics.testAccuracy,
  reportMetrics.validationExactAccuracy,
  reportMetrics.validationBitAccuracy,
  reportMetrics.validationAccuracy,
] as const;

export interface SummarizeOptions {
  /** The baseline of the paired differences (default: the suite's `baseline`, else a configuration labelled or trained by backprop). */
  readonly baseline?: string;
}

const METRIC_OF_ID: Record<string, Metric> = {
  [reportMetrics.testExactAccuracy.id]: 'exactAccuracy',
  [reportMetrics.testBitAccuracy.id]: 'bitAccuracy',
  [reportMetrics.testAccuracy.id]: 'accuracy',
};

/**
 * The report's per-configuration summaries, in the report's ranking, so the terminal table,
 * summary.csv and report.html always agree.
 */
export function summarize(records: readonly RunRecord[], suite: Suite, options: SummarizeOptions = {}): ConfigurationSummary[] {
  const task = reportTaskOf(records);
  const criteria = taskCriteria(task, selectionSplitOf(records));
  const groups = groupByConfiguration(records, suite);
  const summaries = [...groups].map(([label, runs]) => summariseConfiguration(label, runs, suite, criteria));
  const baseline = reportBaseline(groups, suite, options.baseline);
  const confidence = configurationConfidence(groups, CONFIDENCE_METRICS, baseline);
  return rankConfigurations(summaries, criteria).map((s) => {
    const final = (metric: Metric) => {
      const id = Object.keys(METRIC_OF_ID).find((key) => METRIC_OF_ID[key] === metric)!;
      return optional(metric, s.final.get(id));
    };
    return {
      label: s.label,
      trainer: s.run?.trainer ?? s.runs[0]?.trainer ?? '',
      runs: s.runs.length,
      completed: s.status.completed,
      diverged: s.status.diverged,
      failed: s.status.failed,
      task,
      selection: criteria.selection,
      columns: criteria.columns,
      finals: s.final,
      ...final('exactAccuracy'),
      ...final('bitAccuracy'),
      ...final('accuracy'),
      ...optional('bestEpoch', s.bestEpoch),
      threshold: { metric: criteria.threshold.metric.id, title: criteria.threshold.metric.title, value: criteria.threshold.value },
      ...optional('epochsToThreshold', s.epochsToThreshold),
      thresholdRuns: { reached: s.thresholdRuns.reached, of: s.thresholdRuns.of, ...optional('epochs', s.thresholdRuns.epochs) },
      ...optional('epochsRun', s.epochsRun),
      stoppedReached: s.stopped.reached,
      stoppedPlateau: s.stopped.plateau,
      ...optional('seconds', s.seconds),
      ...optional('baseline', baseline),
      confidence: confidence.get(s.label) ?? new Map(),
    };
  });
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

import { join } from 'node:path';
import { reportMetrics } from '../report/index.js';
import { CONFIDENCE_METRICS, type ConfigurationSummary } from './summarize.js';
import { toCsv } from './toCsv.js';
import { writeFileAtomically } from './writeFileAtomically.js';

/** Train and validation finals, beside the test ones above (empty when not measured). */
const SPLIT_COLUMNS = [
  reportMetrics.trainExactAccuracy.id,
  reportMetrics.trainBitAccuracy.id,
  reportMetrics.trainAccuracy.id,
  reportMetrics.validationExactAccuracy.id,
  reportMetrics.validationBitAccuracy.id,
  reportMetrics.validationAccuracy.id,
] as const;

const snake = (id: string) => id.replaceAll('-', '_');

const HEADER = [
  'rank',
  'label',
  'trainer',
  'runs',
  'completed',
  'diverged',
  'failed',
  'test_exact_accuracy_mean',
  'test_exact_accuracy_std',
  'test_bit_accuracy_mean',
  'test_bit_accuracy_std',
  'test_accuracy_mean',
  'test_accuracy_std',
  ...SPLIT_COLUMNS.flatMap((id) => [`${snake(id)}_mean`, `${snake(id)}_std`]),
  'selection_split',
  'best_epoch',
  'threshold_metric',
  'threshold',
  'epochs_to_threshold',
  'runs_reaching_threshold',
  'runs_with_epochs',
  'run_epochs_to_threshold_mean',
  'run_epochs_to_threshold_std',
  'epochs_run_mean',
  'stopped_reached',
  'stopped_plateau',
  'seconds_mean',
  'baseline',
  ...CONFIDENCE_METRICS.flatMap(({ id }) => [
    `${snake(id)}_ci95_low`,
    `${snake(id)}_ci95_high`,
    `${snake(id)}_diff_vs_baseline_mean`,
    `${snake(id)}_diff_vs_baseline_ci95_low`,
    `${snake(id)}_diff_vs_baseline_ci95_high`,
    `${snake(id)}_diff_vs_baseline_pairs`,
  ]),
];

/**
 * `summary.csv`: one row per configuration, ranked, columns as in {@link HEADER}. Accuracies are mean
 * and sample std of the final accuracy of each split over completed runs; `selection_split` is the
 * split the ranking and `best_epoch` read; `best_epoch` and
 * `epochs_to_threshold` count epochs from 1 and read the mean curves over seeds (empty: never);
 * `run_epochs_to_threshold_*` are over the runs that reached it (`runs_reaching_threshold` of
 * `runs_with_epochs`), each run's own first epoch; `stopped_*` count runs `training.stopWhen` stopped.
 * `baseline` names the configuration of the paired comparisons; per test and validation accuracy,
 * `*_ci95_low/high` bound the 95% Student t interval of the final value over seeds (empty for one
 * seed), and `*_diff_vs_baseline_*` give the mean and 95% interval of this configuration's final
 * value minus the baseline's on the same seeds, over `*_pairs` seeds (empty for the baseline itself).
 * The file is written whole or not at all ({@link writeFileAtomically}). Returns the file's path.
 */
export async function writeSummaryCsv(folder: string, summaries: readonly ConfigurationSummary[]): Promise<string> {
  const rows = summaries.map((s, i) => [
    i + 1,
    s.label,
    s.trainer,
    s.runs,
    s.completed,
    s.diverged,
    s.failed,
    s.exactAccuracy?.mean,
    s.exactAccuracy?.std,
    s.bitAccuracy?.mean,
    s.bitAccuracy?.std,
    s.accuracy?.mean,
    s.accuracy?.std,
    ...SPLIT_COLUMNS.flatMap((id) => [s.finals.get(id)?.mean, s.finals.get(id)?.std]),
    s.selection,
    s.bestEpoch,
    snake(s.threshold.metric),
    s.threshold.value,
    s.epochsToThreshold,
    s.thresholdRuns.reached,
    s.thresholdRuns.of,
    s.thresholdRuns.epochs?.mean,
    s.thresholdRuns.epochs?.std,
    s.epochsRun?.mean,
    s.stoppedReached,
    s.stoppedPlateau,
    s.seconds?.mean,
    s.baseline,
    ...CONFIDENCE_METRICS.flatMap(({ id }) => {
      const c = s.confidence.get(id);
      return [c?.interval?.low, c?.interval?.high, c?.paired?.mean, c?.paired?.low, c?.paired?.high, c?.paired?.n];
    }),
  ]);
  const file = join(folder, 'summary.csv');
  await writeFileAtomically(file, toCsv(HEADER, rows));
  return file;
}

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigurationSummary } from './summarize.js';
import { toCsv } from './toCsv.js';

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
  'best_epoch',
  'threshold_metric',
  'threshold',
  'epochs_to_threshold',
  'seconds_mean',
] as const;

/**
 * `summary.csv`: one row per configuration, ranked, columns as in {@link HEADER}. Accuracies are mean
 * and sample std of the final test accuracy over completed runs; `best_epoch` and
 * `epochs_to_threshold` count epochs from 1 and read the mean curves over seeds (empty: never).
 * Returns the file's path.
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
    s.bestEpoch,
    `test_${s.threshold.metric === 'bitAccuracy' ? 'bit_accuracy' : 'accuracy'}`,
    s.threshold.value,
    s.epochsToThreshold,
    s.seconds?.mean,
  ]);
  const file = join(folder, 'summary.csv');
  await writeFile(file, toCsv(HEADER, rows));
  return file;
}

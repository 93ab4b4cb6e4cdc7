import type { RunRecord } from '../RunRecord.js';

/** What the runs' metrics say the dataset is: it decides the ranking and the threshold. */
export type ReportTask = 'binary-digits' | 'classification';

/**
 * `classification` when any epoch reports a test `accuracy`, else `binary-digits` (also when no
 * run finished an epoch: the built-in dataset is binary addition).
 *
 * @example
 * ```ts
 * reportTaskOf(records); // "binary-digits"
 * ```
 */
export function reportTaskOf(records: readonly RunRecord[]): ReportTask {
  const classification = records.some((run) => run.history.some((epoch) => 'accuracy' in epoch.test));
  return classification ? 'classification' : 'binary-digits';
}

import type { RunRecord } from '../RunRecord.js';
import { reportMetrics, type ReportMetric } from './reportMetrics.js';
import type { ReportTask } from './ReportTask.js';

/**
 * The split that choices read: `validation` when the runs measured one; else `test`, which the
 * report then flags (the dataset was loaded without a validation split, so nothing is held out for choosing).
 */
export type SelectionSplit = 'validation' | 'test';

/** How a task's configurations are compared. */
export interface TaskCriteria {
  /** The split the ranking and the best epoch read. */
  readonly selection: SelectionSplit;
  /** Final metrics on the selection split, higher first; each breaks the ties of the one before. */
  readonly ranking: readonly ReportMetric[];
  /** Lower wins when the ranking metrics tie (the selection split's loss). */
  readonly tieBreak: ReportMetric;
  /** The metric whose mean over seeds must reach `value` for "epochs to threshold". */
  readonly threshold: { readonly metric: ReportMetric; readonly value: number };
  /** The table's final-value columns, in order (train, validation, test). */
  readonly columns: readonly ReportMetric[];
}

const m = reportMetrics;

function criteriaOf(task: ReportTask, selection: SelectionSplit): TaskCriteria {
  const validation = selection === 'validation';
  if (task === 'binary-digits') {
    return {
      selection,
      ranking: validation ? [m.validationExactAccuracy, m.validationBitAccuracy] : [m.testExactAccuracy, m.testBitAccuracy],
      tieBreak: validation ? m.validationLoss : m.testLoss,
      threshold: { metric: m.trainBitAccuracy, value: 0.99 },
      columns: [
        m.trainExactAccuracy,
        m.trainBitAccuracy,
        ...(validation ? [m.validationExactAccuracy, m.validationBitAccuracy] : []),
        m.testExactAccuracy,
        m.testBitAccuracy,
      ],
    };
  }
  const accuracy = validation ? m.validationAccuracy : m.testAccuracy;
  return {
    selection,
    ranking: [accuracy],
    tieBreak: validation ? m.validationLoss : m.testLoss,
    threshold: { metric: accuracy, value: 0.9 },
    columns: [m.trainAccuracy, ...(validation ? [m.validationAccuracy] : []), m.testAccuracy, m.testLoss],
  };
}

/**
 * Ranking, threshold and table columns of a task. Binary digits rank by exact-sum accuracy then bit
 * accuracy on the selection split, with "epochs to 99% train bit accuracy" (when the network has
 * learnt its training sums); classification ranks by accuracy, threshold 90% on the selection split.
 *
 * @example
 * ```ts
 * taskCriteria('classification', 'validation').ranking[0].id; // "validation-accuracy"
 * taskCriteria('binary-digits').threshold; // { metric: train bit accuracy, value: 0.99 }
 * ```
 */
export function taskCriteria(task: ReportTask, selection: SelectionSplit = 'test'): TaskCriteria {
  return criteriaOf(task, selection);
}

/**
 * `validation` when any run's epochs carry validation metrics.
 *
 * @example
 * ```ts
 * taskCriteria(reportTaskOf(records), selectionSplitOf(records));
 * ```
 */
export function selectionSplitOf(records: readonly RunRecord[]): SelectionSplit {
  return records.some((run) => run.history.some((epoch) => epoch.validation !== undefined)) ? 'validation' : 'test';
}

import { reportMetrics, type ReportMetric } from './reportMetrics.js';
import type { ReportTask } from './ReportTask.js';

/** How a task's configurations are compared. */
export interface TaskCriteria {
  /** Final test metrics, higher first; each breaks the ties of the one before. */
  readonly ranking: readonly ReportMetric[];
  /** The metric whose mean over seeds must reach `value` for "epochs to threshold". */
  readonly threshold: { readonly metric: ReportMetric; readonly value: number };
  /** The table's final-value columns, in order. */
  readonly columns: readonly ReportMetric[];
}

const { testBitAccuracy, testExactAccuracy, testAccuracy, testLoss } = reportMetrics;

const CRITERIA: Record<ReportTask, TaskCriteria> = {
  'binary-digits': {
    ranking: [testExactAccuracy, testBitAccuracy],
    threshold: { metric: testBitAccuracy, value: 0.75 },
    columns: [testExactAccuracy, testBitAccuracy, testLoss],
  },
  classification: {
    ranking: [testAccuracy],
    threshold: { metric: testAccuracy, value: 0.9 },
    columns: [testAccuracy, testLoss],
  },
};

/**
 * Ranking, threshold and table columns of a task: binary digits rank by exact-sum accuracy then
 * bit accuracy, with a 75% bit-accuracy threshold; classification by accuracy, threshold 90%.
 *
 * @example
 * ```ts
 * taskCriteria('classification').threshold.value; // 0.9
 * ```
 */
export function taskCriteria(task: ReportTask): TaskCriteria {
  return CRITERIA[task];
}

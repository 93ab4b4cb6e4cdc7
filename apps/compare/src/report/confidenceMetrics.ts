import { reportMetrics } from './reportMetrics.js';
import type { ReportMetric } from './reportMetrics.js';
import type { TaskCriteria } from './taskCriteria.js';

/**
 * The metrics the Confidence section reports: the first ranking metric (on the selection split) and
 * the test split's headline accuracy (exact accuracy of binary digits, accuracy of classes).
 *
 * @example
 * ```ts
 * confidenceMetrics(taskCriteria('classification', 'validation')).map((m) => m.id); // ['validation-accuracy', 'test-accuracy']
 * ```
 */
export function confidenceMetrics(criteria: TaskCriteria): ReportMetric[] {
  const headline = criteria.ranking[0].id.endsWith('exact-accuracy') ? reportMetrics.testExactAccuracy : reportMetrics.testAccuracy;
  return criteria.ranking[0].id === headline.id ? [headline] : [criteria.ranking[0], headline];
}

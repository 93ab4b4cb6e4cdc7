import type { RunRecord } from '../RunRecord.js';
import { confidenceInterval, type ConfidenceInterval } from './confidenceInterval.js';
import { finalBySeed, pairedDifference, type PairedDifference } from './pairedDifference.js';
import type { ReportMetric } from './reportMetrics.js';

/** One metric's final value of one configuration: its 95% interval over seeds, and its paired difference to the baseline. */
export interface MetricConfidence {
  readonly interval: ConfidenceInterval | undefined;
  /** Absent for the baseline itself and when there is no baseline. */
  readonly paired?: PairedDifference;
}

/**
 * Per configuration and metric id: the 95% Student t interval of the final value over completed
 * runs, and the paired difference to `baseline`'s runs on the same seeds.
 *
 * @example
 * ```ts
 * const confidence = configurationConfidence(groups, [reportMetrics.testAccuracy], 'backprop');
 * confidence.get('DNI')?.get('test-accuracy')?.paired?.mean; // -0.004
 * ```
 */
export function configurationConfidence(
  groups: ReadonlyMap<string, readonly RunRecord[]>,
  metrics: readonly ReportMetric[],
  baseline: string | undefined,
): Map<string, Map<string, MetricConfidence>> {
  const baselineRuns = baseline === undefined ? undefined : groups.get(baseline);
  return new Map(
    [...groups].map(([label, runs]) => [
      label,
      new Map(
        metrics.map((metric) => {
          const interval = confidenceInterval([...finalBySeed(runs, metric.value).values()]);
          const paired = baselineRuns && label !== baseline ? pairedDifference(runs, baselineRuns, metric.value) : undefined;
          return [metric.id, { interval, ...(paired ? { paired } : {}) }];
        }),
      ),
    ]),
  );
}

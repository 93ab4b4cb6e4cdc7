import type { RunRecord } from '../RunRecord.js';
import type { ChartStyles } from './chartStyles.js';
import { chartDownloads } from './chartDownloads.js';
import { chartFigure } from './chartFigure.js';
import { curveChartSpec, type CurveSeries } from './curveChartSpec.js';
import { learningCurve, type EpochValue } from './learningCurve.js';
import { CURVE_AGGREGATION } from './learningCurveFigures.js';
import { reportMetrics } from './reportMetrics.js';
import { renderChartSvg } from './renderChartSvg.js';
import { seedStatistics } from './seedStatistics.js';

/**
 * Test accuracy against wall-clock training seconds — "does it train faster?" — one line per
 * configuration: at each epoch, the mean over seeds of the accuracy and of the seconds spent in
 * training steps so far (evaluation excluded; epoch seconds for records that lack it). Runs on
 * more threads (DNI stages) reach an accuracy sooner only if they really are faster. Empty when no
 * run measured test accuracy (or bit accuracy, for the binary tasks) or recorded training seconds.
 *
 * @example
 * ```ts
 * const html = await timeToAccuracyFigure(groups, styles);
 * ```
 */
export async function timeToAccuracyFigure(groups: ReadonlyMap<string, readonly RunRecord[]>, styles: ChartStyles): Promise<string> {
  // Records from before training seconds were kept would mix evaluation time in: no figure for them.
  if (![...groups.values()].some((runs) => runs.some((run) => run.history.some((e) => e.trainSeconds !== undefined)))) return '';
  const metric = [reportMetrics.testAccuracy, reportMetrics.testBitAccuracy].find((m) =>
    [...groups.values()].some((runs) => learningCurve(runs, m.value).length > 0),
  );
  if (metric === undefined) return '';
  const series = timeToAccuracySeries(groups, metric.value);
  if (series.length === 0) return '';
  const title = `${metric.title} against training time`;
  const spec = curveChartSpec({
    title,
    yTitle: metric.axisTitle,
    yFormat: 'percent',
    yScale: { log: false },
    series,
    colours: styles.colours,
    dashes: styles.dashes,
    x: { title: 'Wall-clock seconds of training (mean over seeds)' },
  });
  const caption =
    `${metric.meaning} Each point is an epoch's end, at the seconds its training steps took so far ` +
    `(evaluation excluded). ${CURVE_AGGREGATION} Further left at the same height is faster to that accuracy; ` +
    'seconds depend on the machine and its load, so compare configurations of one run.';
  const svg = await renderChartSvg(spec);
  return chartFigure({ metric: `time-${metric.id}`, title, caption, svg, downloads: chartDownloads(`time-${metric.id}`, spec, svg) });
}

/** Per configuration, `value` at each epoch's end against the mean cumulative training seconds over seeds. */
export function timeToAccuracySeries(groups: ReadonlyMap<string, readonly RunRecord[]>, value: EpochValue): CurveSeries[] {
  return [...groups].flatMap(([label, runs]) => {
    const accuracy = learningCurve(runs, value);
    const seconds = new Map(
      accuracy.map(({ epoch }) => [
        epoch,
        seedStatistics(
          runs
            .filter((run) => run.history.length >= epoch)
            .map((run) => run.history.slice(0, epoch).reduce((sum, e) => sum + (e.trainSeconds ?? e.seconds), 0)),
        )?.mean,
      ]),
    );
    const points = accuracy.flatMap((p) => {
      const x = seconds.get(p.epoch);
      return x === undefined ? [] : [{ ...p, epoch: x }];
    });
    return points.length > 0 ? [{ label, points }] : [];
  });
}

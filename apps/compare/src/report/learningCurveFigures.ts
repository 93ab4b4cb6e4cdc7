import type { RunRecord } from '../RunRecord.js';
import { chartDownloads } from './chartDownloads.js';
import { chartFigure } from './chartFigure.js';
import type { ChartStyles } from './chartStyles.js';
import { chooseYScale, type YScale } from './chooseYScale.js';
import { curveChartSpec, type CurveSeries } from './curveChartSpec.js';
import { formatLevel } from './formatStatistic.js';
import { learningCurve } from './learningCurve.js';
import { reportMetrics } from './reportMetrics.js';
import { renderChartSvg } from './renderChartSvg.js';
import type { TaskCriteria } from './taskCriteria.js';

/** Above this many configurations a learning curve is drawn across the whole page, for its legend. */
const WIDE_ABOVE = 8;

/** Says how a curve chart aggregates; every curve caption ends with it. */
export const CURVE_AGGREGATION =
  'Lines: mean over seeds; shaded band: min–max over seeds. A diverged run contributes only the epochs it finished.';

/** How a learning-curve chart aggregates: seeds that stopped early stay in the mean at their last value. */
export const CARRIED_AGGREGATION =
  'Lines: mean over seeds; shaded band: min–max over seeds. A run that stopped early (diverged, or stopped by its stopWhen) keeps its last value in the mean and band from then on, so the mean never jumps when a seed stops; the line is drawn faded where it holds such a carried value.';

/** The caption's warning when a chart's y axis cuts off outliers. */
export function cutOffNote(yScale: YScale): string {
  return yScale.max === undefined ? '' : `The y axis stops at ${yScale.max}: higher values (a run blowing up) are cut off.`;
}

/**
 * One learning-curve figure per metric that any run measured (test bit accuracy, test exact
 * accuracy, test accuracy, train loss, test loss, in that order): x = epoch, a line per configuration.
 * The threshold metric's chart draws the threshold as a dashed line. Every seed counts at every epoch
 * (a stopped seed at its last value, see `learningCurve`'s `carryForward`).
 *
 * @example
 * ```ts
 * const html = (await learningCurveFigures(groups, criteria, chartStyles(labels))).join('\n');
 * ```
 */
export async function learningCurveFigures(
  groups: ReadonlyMap<string, readonly RunRecord[]>,
  criteria: TaskCriteria,
  styles: ChartStyles,
): Promise<string[]> {
  const charts = Object.values(reportMetrics).flatMap((metric) => {
    const series: CurveSeries[] = [...groups].flatMap(([label, runs]) => {
      const points = learningCurve(runs, metric.value, { carryForward: true });
      return points.length > 0 ? [{ label, points }] : [];
    });
    if (series.length === 0) return [];
    const threshold = criteria.threshold.metric.id === metric.id ? criteria.threshold.value : undefined;
    const thresholdText = formatLevel(threshold ?? 0);
    const yScale = metric.kind === 'accuracy' ? { log: false } : chooseYScale(series);
    const wide = series.length > WIDE_ABOVE;
    const spec = curveChartSpec({
      title: metric.title,
      yTitle: metric.axisTitle,
      yFormat: metric.kind === 'accuracy' ? 'percent' : 'number',
      yScale,
      series,
      colours: styles.colours,
      dashes: styles.dashes,
      ...(wide ? { width: 1040 } : {}),
      ...(threshold === undefined ? {} : { rule: { value: threshold, label: `threshold ${thresholdText}` } }),
    });
    const caption = [
      metric.meaning,
      CARRIED_AGGREGATION,
      threshold === undefined ? '' : `The dashed line is the ${thresholdText} threshold of the table's "epochs to" column.`,
      cutOffNote(yScale),
    ]
      .filter(Boolean)
      .join(' ');
    return [{ metric, spec, caption, wide }];
  });
  return Promise.all(
    charts.map(async ({ metric, spec, caption, wide }) => {
      const svg = await renderChartSvg(spec);
      return chartFigure({ metric: metric.id, title: metric.title, caption, svg, wide, downloads: chartDownloads(metric.id, spec, svg) });
    }),
  );
}

import type { RunRecord } from '../RunRecord.js';
import { alignmentSeries } from './alignmentSeries.js';
import type { ChartStyles } from './chartStyles.js';
import { chartDownloads } from './chartDownloads.js';
import { chartFigure } from './chartFigure.js';
import { chooseYScale } from './chooseYScale.js';
import { curveChartSpec } from './curveChartSpec.js';
import { CURVE_AGGREGATION, cutOffNote } from './learningCurveFigures.js';
import { renderChartSvg } from './renderChartSvg.js';

const MEASURES = [
  {
    field: 'cosine',
    metric: 'gradient-cosine',
    title: 'Synthetic vs true gradient: cosine similarity',
    yTitle: 'cosine',
    meaning:
      "Cosine similarity between each layer's synthetic gradient and the true (backpropagated) gradient, on a fixed training batch at the end of every epoch: 1 = same direction, 0 = unrelated.",
  },
  {
    field: 'relativeError',
    metric: 'gradient-relative-error',
    title: 'Synthetic vs true gradient: relative error',
    yTitle: 'relative error',
    meaning:
      "Relative error ‖synthetic − true‖ / ‖true‖ of each layer's synthetic gradient on the same batch: 0 is exact; a generator that outputs zeros scores 1.",
  },
] as const;

/**
 * The per-layer synthetic-vs-true gradient charts (cosine, relative error), a panel per layer and a
 * line per configuration with synthetic gradients; none when no run measured gradient alignment.
 *
 * @example
 * ```ts
 * const figures = await alignmentFigures(groups, styles); // [] for a backprop-only suite
 * ```
 */
export async function alignmentFigures(
  groups: ReadonlyMap<string, readonly RunRecord[]>,
  styles: ChartStyles,
): Promise<string[]> {
  const charts = MEASURES.flatMap((measure) => {
    const { series, panels } = alignmentSeries(groups, measure.field);
    return series.length === 0 ? [] : [{ measure, series, panels }];
  });
  return Promise.all(
    charts.map(async ({ measure, series, panels }) => {
      const yScale = measure.field === 'cosine' ? { log: false } : chooseYScale(series);
      const spec = curveChartSpec({ title: measure.title, yTitle: measure.yTitle, yFormat: 'number', yScale, series, colours: styles.colours, dashes: styles.dashes, panels });
      const svg = await renderChartSvg(spec);
      return chartFigure({
        metric: measure.metric,
        title: measure.title,
        caption: [measure.meaning, CURVE_AGGREGATION, cutOffNote(yScale)].filter(Boolean).join(' '),
        svg,
        downloads: chartDownloads(measure.metric, spec, svg),
      });
    }),
  );
}

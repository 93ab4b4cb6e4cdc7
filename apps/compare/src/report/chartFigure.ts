import { escapeHtml } from './escapeHtml.js';
import { scopeSvgIds } from './scopeSvgIds.js';

/** What one figure shows. */
export interface ChartFigure {
  /** Stable id of the metric drawn: the figure's `data-metric`. */
  readonly metric: string;
  readonly title: string;
  /** Plain text; escaped here. */
  readonly caption: string;
  /** The chart, an inline `<svg>`. */
  readonly svg: string;
  /** Spans the whole row of the chart grid (a chart drawn wide for a long legend). */
  readonly wide?: boolean;
  /** Links to the chart's data and SVG (see `chartDownloads`), under the caption. */
  readonly downloads?: string;
}

/**
 * A chart in its stable container: `<figure class="chart" data-metric="…">` holding the inline
 * SVG (its ids scoped by the metric) and a `<figcaption>`.
 *
 * @example
 * ```ts
 * chartFigure({ metric: 'test-loss', title: 'Test loss', caption: 'Mean over seeds…', svg });
 * ```
 */
export function chartFigure({ metric, title, caption, svg, wide = false, downloads = '' }: ChartFigure): string {
  return `<figure class="chart${wide ? ' wide' : ''}" data-metric="${escapeHtml(metric)}" aria-label="${escapeHtml(title)}">
<div class="chart-svg">${scopeSvgIds(svg, `chart-${metric}`)}</div>
<figcaption>${escapeHtml(caption)}${downloads}</figcaption>
</figure>`;
}

import { escapeHtml } from './escapeHtml.js';

/** What one figure shows. */
export interface ChartFigure {
  /** Stable id of the metric drawn: the figure's `data-metric`. */
  readonly metric: string;
  readonly title: string;
  /** Plain text; escaped here. */
  readonly caption: string;
  /** The chart, an inline `<svg>`. */
  readonly svg: string;
}

/**
 * A chart in its stable container: `<figure class="chart" data-metric="…">` holding the inline
 * SVG and a `<figcaption>`.
 *
 * @example
 * ```ts
 * chartFigure({ metric: 'test-loss', title: 'Test loss', caption: 'Mean over seeds…', svg });
 * ```
 */
export function chartFigure({ metric, title, caption, svg }: ChartFigure): string {
  return `<figure class="chart" data-metric="${escapeHtml(metric)}" aria-label="${escapeHtml(title)}">
<div class="chart-svg">${svg}</div>
<figcaption>${escapeHtml(caption)}</figcaption>
</figure>`;
}

import { escapeHtml } from './escapeHtml.js';
import type { SeedStatistics } from './seedStatistics.js';

/** How a number is shown: accuracies in percent, losses to 3 significant digits, seconds to 0.1 s. */
export type NumberFormat = 'percent' | 'number' | 'seconds';

/**
 * A number as the report prints it.
 *
 * @example
 * ```ts
 * formatNumber(0.6875, 'percent'); // "68.8%"
 * ```
 */
export function formatNumber(value: number, format: NumberFormat): string {
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`;
  if (format === 'seconds') return value >= 100 ? `${value.toFixed(0)} s` : `${value.toFixed(1)} s`;
  return Math.abs(value) >= 1000 || (value !== 0 && Math.abs(value) < 0.001) ? value.toExponential(2) : value.toPrecision(3);
}

/**
 * "mean ± std" as HTML, with the number of seeds when fewer than `seeds` contributed; "—" for none.
 * The spread of a percentage is in percentage points.
 *
 * @example
 * ```ts
 * formatStatistic({ n: 2, mean: 0.5, std: 0.02, min: 0.48, max: 0.52 }, 'percent', 3);
 * // '<span class="mean">50.0%</span> <span class="std">± 2.0</span> <span class="n">n = 2</span>'
 * ```
 */
export function formatStatistic(statistics: SeedStatistics | undefined, format: NumberFormat, seeds: number): string {
  if (statistics === undefined) return '<span class="none">—</span>';
  const { n, mean, std } = statistics;
  const spread = n > 1 ? ` <span class="std">± ${formatSpread(std, mean, format)}</span>` : '';
  const count = n < seeds ? ` <span class="n" title="seeds that contributed">n = ${n}</span>` : '';
  return `<span class="mean">${escapeHtml(formatNumber(mean, format))}</span>${spread}${count}`;
}

/**
 * A standard deviation: percentage points for percentages, seconds like the mean, else 2
 * significant digits; rounding noise (below 1e-9 of the mean) is 0.
 */
function formatSpread(std: number, mean: number, format: NumberFormat): string {
  if (format === 'percent') return (std * 100).toFixed(1);
  if (format === 'seconds') return formatNumber(std, 'seconds').replace(' s', '');
  if (std <= 1e-9 * Math.abs(mean)) return '0';
  return std >= 1000 || std < 1e-4 ? std.toExponential(1) : String(Number(std.toPrecision(2)));
}

/**
 * A threshold level in percent, without a needless decimal.
 *
 * @example
 * ```ts
 * formatLevel(0.75); // "75%"
 * ```
 */
export function formatLevel(value: number): string {
  return formatNumber(value, 'percent').replace('.0%', '%');
}

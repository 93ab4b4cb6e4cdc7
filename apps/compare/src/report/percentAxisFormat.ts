/**
 * The d3 format of a percent axis spanning `low`..`high` (fractions) with about `tickCount` ticks:
 * as many decimals as the tick step needs, so neighbouring ticks never read alike (a 0–3% axis
 * reads 0.0%, 0.5%, 1.0%, … rather than 0%, 1%, 1%, 2%). The step is d3's (1, 2 or 5 × 10^k),
 * as vega's axis uses.
 *
 * @example
 * ```ts
 * percentAxisFormat(0, 0.03, 6); // ".1%"
 * percentAxisFormat(0.4, 0.9, 6); // ".0%"
 * ```
 */
export function percentAxisFormat(low: number, high: number, tickCount: number): string {
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return '.0%';
  const step = tickStep(span / Math.max(1, tickCount)) * 100;
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return `.${Math.min(decimals, 6)}%`;
}

/** d3-array's tickStep: the rough step rounded to 1, 2, 5 or 10 times a power of ten. */
function tickStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const error = rough / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

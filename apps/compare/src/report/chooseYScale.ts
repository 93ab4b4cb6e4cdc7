import type { CurveSeries } from './curveChartSpec.js';
import { extremes } from './extremes.js';

/** How a curve chart's y axis is scaled. */
export interface YScale {
  /** Logarithmic: for positive values spanning more than {@link LOG_RANGE}×. */
  readonly log: boolean;
  /** Top of the axis when outliers are cut off (marks above it are clipped). */
  readonly max?: number;
}

const LOG_RANGE = 30;
/** Outliers beyond this many times the typical value are cut off... */
const OUTLIER_FACTOR = 100;
/** ...at this many times the typical value. */
const CLIP_FACTOR = 10;

/**
 * The y scale for curves of a non-percent quantity (loss, relative error). A run about to diverge
 * can reach 1e100 and flatten every other curve, so when the highest value exceeds 100× the
 * typical one (the 90th percentile of the means) the axis stops at 10× typical; log when positive
 * values still span more than 30×.
 *
 * @example
 * ```ts
 * chooseYScale(series); // { log: true, max: 12 }
 * ```
 */
export function chooseYScale(series: readonly CurveSeries[]): YScale {
  const means = series.flatMap((s) => s.points.map((p) => p.mean)).sort((a, b) => a - b);
  if (means.length === 0) return { log: false };
  const low = extremes(series.flatMap((s) => s.points.map((p) => p.min))).min;
  const high = extremes(series.flatMap((s) => s.points.map((p) => p.max))).max;
  const typical = Math.abs(means[Math.min(means.length - 1, Math.floor(0.9 * means.length))]);
  const max = typical > 0 && high > OUTLIER_FACTOR * typical ? niceCeil(CLIP_FACTOR * typical) : undefined;
  const top = max ?? high;
  return { log: low > 0 && top / low > LOG_RANGE, ...(max === undefined ? {} : { max }) };
}

/** Rounds up to one significant digit: 9.87 → 10, 0.123 → 0.2. */
function niceCeil(value: number): number {
  const unit = 10 ** Math.floor(Math.log10(value));
  return Number((Math.ceil(value / unit) * unit).toPrecision(1));
}

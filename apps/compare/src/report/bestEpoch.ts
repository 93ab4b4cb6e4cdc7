import type { CurvePoint } from './learningCurve.js';

/**
 * The epoch (counted from 1) where the mean of `primary` is highest; ties go to the higher mean of
 * `secondary` at that epoch, then to the earlier epoch. `undefined` for an empty curve.
 *
 * @example
 * ```ts
 * bestEpoch(exactAccuracyCurve, bitAccuracyCurve); // 96
 * ```
 */
export function bestEpoch(primary: readonly CurvePoint[], secondary: readonly CurvePoint[] = []): number | undefined {
  const tieBreak = new Map(secondary.map((point) => [point.epoch, point.mean]));
  let best: CurvePoint | undefined;
  for (const point of primary) {
    if (best === undefined || point.mean > best.mean) best = point;
    else if (point.mean === best.mean && (tieBreak.get(point.epoch) ?? -Infinity) > (tieBreak.get(best.epoch) ?? -Infinity)) {
      best = point;
    }
  }
  return best?.epoch;
}

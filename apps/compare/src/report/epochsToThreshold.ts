import type { CurvePoint } from './learningCurve.js';

/**
 * The first epoch (counted from 1) whose mean reaches `threshold`, or `undefined` if none does.
 *
 * @example
 * ```ts
 * epochsToThreshold(learningCurve(runs, (e) => e.test.bitAccuracy), 0.75); // 37
 * ```
 */
export function epochsToThreshold(curve: readonly CurvePoint[], threshold: number): number | undefined {
  return curve.find((point) => point.mean >= threshold)?.epoch;
}

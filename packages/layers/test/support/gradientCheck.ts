import { Matrix } from '@synthgrad/tensor';
import { expect } from 'vitest';

/**
 * Central-difference estimate of d objective / d wrt: each entry of `wrt` is moved by ±step in
 * place (and restored), so `objective` must read `wrt` afresh on every call.
 */
export function numericGradient(objective: () => number, wrt: Matrix, step = 1e-5): Matrix {
  const gradient = new Matrix(wrt.rows, wrt.cols);
  const { data } = wrt;
  for (let i = 0; i < data.length; i++) {
    const saved = data[i];
    data[i] = saved + step;
    const plus = objective();
    data[i] = saved - step;
    const minus = objective();
    data[i] = saved;
    gradient.data[i] = (plus - minus) / (2 * step);
  }
  return gradient;
}

/** ‖a − b‖₂ / max(‖a‖₂, ‖b‖₂): scale-free, and not blown up by entries that are nearly 0. */
export function relativeError(a: Matrix, b: Matrix): number {
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.data.length; i++) {
    diff += (a.data[i] - b.data[i]) ** 2;
    na += a.data[i] ** 2;
    nb += b.data[i] ** 2;
  }
  return Math.sqrt(diff) / Math.max(Math.sqrt(na), Math.sqrt(nb));
}

export interface GradientCheck {
  /** What is checked, for the failure message: `"weights"`. */
  readonly label: string;
  /** The analytic gradient; copied at once, so a buffer the code under test reuses is fine. */
  readonly analytic: Matrix;
  /** A scalar that depends on `wrt`. */
  readonly objective: () => number;
  readonly wrt: Matrix;
  readonly tolerance?: number;
  readonly step?: number;
}

/**
 * Asserts that the analytic gradient matches central differences (float64) to a relative error of
 * `tolerance` (1e-6). A comparison of two zero gradients proves nothing, so it fails too.
 */
export function expectGradientMatches(check: GradientCheck): void {
  const analytic = check.analytic.clone();
  expect(analytic.shape, `${check.label}: gradient shape`).toBe(check.wrt.shape);
  const numeric = numericGradient(check.objective, check.wrt, check.step);
  const norm = Math.sqrt(Array.from(numeric.data).reduce((s, v) => s + v * v, 0));
  expect(norm, `${check.label}: the numeric gradient is 0, the check would be vacuous`).toBeGreaterThan(1e-8);
  expect(relativeError(analytic, numeric), `${check.label}: relative error`).toBeLessThanOrEqual(check.tolerance ?? 1e-6);
}

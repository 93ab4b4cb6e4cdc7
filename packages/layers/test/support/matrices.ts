import { Matrix, Rng } from '@synthgrad/tensor';
import { expect } from 'vitest';

/** A rows × cols matrix of N(0, std²) draws from a seeded generator. */
export function randomMatrix(rng: Rng, rows: number, cols: number, std = 1): Matrix {
  const m = new Matrix(rows, cols);
  rng.fillNormal(m, 0, std);
  return m;
}

/** Largest absolute element-wise difference. */
export function maxAbsDifference(a: Matrix, b: Matrix): number {
  expect(a.shape).toBe(b.shape);
  let max = 0;
  for (let i = 0; i < a.data.length; i++) max = Math.max(max, Math.abs(a.data[i] - b.data[i]));
  return max;
}

/** Asserts equal shapes and every element within `tolerance`. */
export function expectMatrixClose(actual: Matrix, expected: Matrix | number[][], tolerance = 1e-12): void {
  const e = Array.isArray(expected) ? Matrix.fromArray(expected) : expected;
  expect(maxAbsDifference(actual, e), `max |actual − expected| of ${actual.shape}`).toBeLessThanOrEqual(tolerance);
}

import { Matrix } from '../Matrix.js';
import { Rng } from '../random/Rng.js';

/** A rows × cols float64 matrix of uniform values in [−2, 2) from `seed`. */
export function random(shape: readonly [number, number], seed: number): Matrix {
  return new Rng(seed).fillUniform(new Matrix(shape[0], shape[1]), -2, 2);
}

/** Element-wise |m|, contiguous: the magnitudes that bound a sum's rounding. */
export function abs(m: Matrix): Matrix {
  const result = m.clone();
  for (let i = 0; i < result.data.length; i++) result.data[i] = Math.abs(result.data[i]);
  return result;
}

/**
 * `m`'s values as a column view: columns 2 … 2 + cols − 1 of a wider matrix (`parent`) whose
 * other columns hold random values from `seed`, so that a kernel that ignores the stride reads or
 * writes the wrong ones.
 */
export function embedded(m: Matrix, seed: number): { view: Matrix; parent: Matrix } {
  const parent = random([m.rows, m.cols + 5], seed);
  const view = parent.columns(2, m.cols).copyFrom(m);
  return { view, parent };
}

import { expect } from 'vitest';
import { isMatrix } from '../isMatrix.js';
import { Matrix } from '../Matrix.js';

/**
 * Asserts that `actual` has `expected`'s shape and that every element agrees to within
 * `tolerance × scale`, where the scale is `max(1, |expected|)` or, when given, the matching
 * element of `scale` (e.g. `|A|·|B|` for a product, the sum of the magnitudes of its terms).
 * Column views compare by their elements. NaN matches NaN and an infinity matches the same infinity. The failure names the first
 * elements that differ.
 *
 * @example
 * ```ts
 * expectMatrixClose(cpu.matmul(a, b), [[58, 64], [139, 154]]);
 * ```
 */
export function expectMatrixClose(
  actual: Matrix,
  expected: Matrix | ReadonlyArray<ArrayLike<number>>,
  tolerance = 1e-12,
  scale?: Matrix,
): void {
  const want = contiguous(isMatrix(expected) ? expected : Matrix.fromArray(expected));
  expect(actual.shape, 'shape').toBe(want.shape);
  actual = contiguous(actual);
  if (scale !== undefined) scale = contiguous(scale);
  const differences: string[] = [];
  for (let i = 0; i < want.data.length; i++) {
    const a = actual.data[i];
    const e = want.data[i];
    const magnitude = scale === undefined ? Math.max(1, Math.abs(e)) : scale.data[i];
    const bound = tolerance * magnitude;
    const same = Object.is(a, e) || a === e || (Number.isNaN(a) && Number.isNaN(e));
    if (!same && !(Math.abs(a - e) <= bound)) {
      const row = Math.floor(i / want.cols);
      differences.push(`(${row}, ${i - row * want.cols}): got ${a}, expected ${e}`);
    }
  }
  expect(differences.slice(0, 5), `${differences.length} elements differ`).toEqual([]);
}

/** Column views are compared through contiguous copies. */
function contiguous(m: Matrix): Matrix {
  return m.stride > m.cols ? m.clone() : m;
}

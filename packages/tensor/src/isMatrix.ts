import { Matrix } from './Matrix.js';

/**
 * True for a {@link Matrix} of this package or of another copy of it (a plugin's own install of
 * `@synthgrad/tensor`): an object with whole `rows` and `cols` and a typed array `data` of
 * `rows × cols` values. Use it where `instanceof Matrix` would refuse the other copy's matrices.
 *
 * @example
 * ```ts
 * isMatrix(Matrix.zeros(2, 3)); // true
 * isMatrix([[1, 2, 3]]); // false
 * ```
 */
export function isMatrix(value: unknown): value is Matrix {
  if (value instanceof Matrix) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { rows, cols, data } = value as { rows?: unknown; cols?: unknown; data?: unknown };
  return (
    Number.isSafeInteger(rows) &&
    Number.isSafeInteger(cols) &&
    (rows as number) >= 0 &&
    (cols as number) >= 0 &&
    (data instanceof Float64Array || data instanceof Float32Array) &&
    data.length === (rows as number) * (cols as number)
  );
}

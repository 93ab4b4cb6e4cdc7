import { Matrix } from './Matrix.js';

/**
 * True for a {@link Matrix} of this package or of another copy of it (a plugin's own install of
 * `@synthgrad/tensor`): an object with whole `rows` and `cols` and a typed array `data` of
 * `rows × cols` values (or, for a column view with a `stride`, `(rows − 1)·stride + cols`). Use it where `instanceof Matrix` would refuse the other copy's matrices.
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
  const { rows, cols, data, stride } = value as { rows?: unknown; cols?: unknown; data?: unknown; stride?: unknown };
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || (rows as number) < 0 || (cols as number) < 0) {
    return false;
  }
  if (!(data instanceof Float64Array || data instanceof Float32Array)) return false;
  const r = rows as number;
  const c = cols as number;
  // A column view (stride > cols) holds its first row to its last, its parent's columns between.
  if (Number.isSafeInteger(stride) && (stride as number) > c && r > 1) return data.length === (r - 1) * (stride as number) + c;
  return data.length === r * c;
}

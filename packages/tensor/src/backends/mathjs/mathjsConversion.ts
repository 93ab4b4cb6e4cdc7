import { isMatrix, matrix, type Matrix as MathjsMatrix } from 'mathjs';
import { ShapeError } from '../../errors.js';
import { Matrix } from '../../Matrix.js';

/**
 * A mathjs dense matrix holding a copy of `m`'s values.
 *
 * @example
 * ```ts
 * const dense = toMathjs(Matrix.fromArray([[1, 2], [3, 4]]));
 * math.det(dense); // -2
 * ```
 */
export function toMathjs(m: Matrix): MathjsMatrix {
  return matrix(m.toArray(), 'dense', 'number');
}

/**
 * A {@link Matrix} holding a copy of a two-dimensional mathjs matrix or nested array of numbers.
 *
 * @example
 * ```ts
 * const m = fromMathjs(math.identity(2) as math.Matrix); // 2×2
 * ```
 */
export function fromMathjs(m: MathjsMatrix | number[][]): Matrix {
  const values: unknown = isMatrix(m) ? m.toArray() : m;
  if (!Array.isArray(values) || values.length === 0 || !values.every(Array.isArray)) {
    throw new ShapeError('fromMathjs: expected a non-empty two-dimensional matrix');
  }
  const rows = values as unknown[][];
  for (const row of rows) {
    for (const value of row) {
      if (typeof value !== 'number') {
        throw new TypeError(`fromMathjs: expected numbers, got ${typeof value} ${String(value)}`);
      }
    }
  }
  return Matrix.fromRows(rows as number[][]);
}

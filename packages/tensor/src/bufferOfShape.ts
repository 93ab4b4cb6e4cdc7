import { Matrix } from './Matrix.js';
import type { TensorBackend } from './TensorBackend.js';
import { zerosFor } from './zerosFor.js';

/**
 * `buffer` itself when it is rows × cols, else a rows × cols matrix that reuses `buffer`'s storage
 * when it is large enough. Batch-sized buffers shrink for a short last batch and grow back without
 * reallocating, so alternating batch sizes cost no allocation of data after the largest one; a
 * backend's own matrices ({@link TensorBackend.zeros}) stay its own ({@link Matrix.resized}). The
 * first buffer comes from {@link zerosFor} when `like` is a backend (its storage and dtype), is of
 * `like`'s dtype when it is a matrix, else float64.
 *
 * @example
 * ```ts
 * this.#out = bufferOfShape(this.#out, input.rows, this.size); // then backend.op(..., this.#out)
 * ```
 */
export function bufferOfShape(
  buffer: Matrix | undefined,
  rows: number,
  cols: number,
  like?: TensorBackend | Matrix,
): Matrix {
  if (buffer === undefined) {
    if (like === undefined) return new Matrix(rows, cols);
    return like instanceof Matrix ? Matrix.zeros(rows, cols, like.dtype) : zerosFor(like, rows, cols);
  }
  if (buffer.rows === rows && buffer.cols === cols) return buffer;
  return buffer.resized(rows, cols);
}

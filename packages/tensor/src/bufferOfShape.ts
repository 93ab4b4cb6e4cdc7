import { Matrix } from './Matrix.js';
import type { TensorBackend } from './TensorBackend.js';
import { zerosFor } from './zerosFor.js';

/**
 * `buffer` itself when it is rows × cols, else a rows × cols matrix that reuses `buffer`'s storage
 * when it is large enough. Batch-sized buffers shrink for a short last batch and grow back without
 * reallocating, so alternating batch sizes cost no allocation of data after the largest one; a
 * backend's own matrices ({@link TensorBackend.zeros}) stay its own ({@link Matrix.resized}). With
 * `backend`, the first buffer comes from {@link zerosFor} (the backend's storage and dtype).
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
  backend?: TensorBackend,
): Matrix {
  if (buffer === undefined) return backend === undefined ? Matrix.zeros(rows, cols) : zerosFor(backend, rows, cols);
  if (buffer.rows === rows && buffer.cols === cols) return buffer;
  return buffer.resized(rows, cols);
}

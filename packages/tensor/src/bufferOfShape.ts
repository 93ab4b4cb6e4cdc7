import { Matrix } from './Matrix.js';

/**
 * `buffer` itself when it is rows × cols, else a rows × cols matrix that reuses `buffer`'s storage
 * when it is large enough. Batch-sized buffers shrink for a short last batch and grow back without
 * reallocating, so alternating batch sizes cost no allocation of data after the largest one.
 *
 * @example
 * ```ts
 * this.#out = bufferOfShape(this.#out, input.rows, this.size); // then backend.op(..., this.#out)
 * ```
 */
export function bufferOfShape(buffer: Matrix | undefined, rows: number, cols: number): Matrix {
  if (buffer === undefined) return new Matrix(rows, cols);
  if (buffer.rows === rows && buffer.cols === cols) return buffer;
  const length = rows * cols;
  const { buffer: storage, byteOffset } = buffer.data;
  if (storage.byteLength - byteOffset >= length * Float64Array.BYTES_PER_ELEMENT) {
    return new Matrix(rows, cols, new Float64Array(storage, byteOffset, length));
  }
  return new Matrix(rows, cols);
}

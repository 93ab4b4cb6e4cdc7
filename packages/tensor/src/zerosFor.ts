import { Matrix } from './Matrix.js';
import type { TensorBackend } from './TensorBackend.js';

/**
 * A zero-filled rows × cols matrix from `backend.zeros` when the backend has storage of its own
 * (its ops then copy nothing in or out), else an ordinary {@link Matrix} of the backend's dtype. For matrices that live
 * as long as a layer: weights, gradients, batch buffers.
 *
 * @example
 * ```ts
 * const weights = zerosFor(backend, 784, 256); // in wasm memory on the wasm backend
 * ```
 */
export function zerosFor(backend: TensorBackend, rows: number, cols: number): Matrix {
  if (backend.zeros !== undefined) return backend.zeros(rows, cols);
  return Matrix.zeros(rows, cols, backend.dtype ?? 'float64');
}

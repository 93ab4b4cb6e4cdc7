import type { Matrix } from '@synthgrad/tensor';
import { npyMagic } from './npyMagic.js';


/**
 * The matrix as a NumPy `.npy` file (format 1.0, `'<f8'`, C order, 2-D), byte for byte what
 * `numpy.save` writes for the same float64 array, so `numpy.load` reads it back.
 *
 * @example
 * ```ts
 * writeFileSync('weights.npy', toNpy(layer.weights));   // python: np.load('weights.npy')
 * ```
 */
export function toNpy(m: Matrix): Uint8Array {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${m.rows}, ${m.cols}), }`;
  // Like numpy: room for the first axis to grow to 21 digits in place, then spaces and a newline
  // up to a multiple of 64 bytes, so that the data starts aligned.
  const prefix = npyMagic.length + 2 + 2;
  const growth = 21 - String(m.rows).length;
  const total = Math.ceil((prefix + header.length + growth + 1) / 64) * 64;
  header = header.padEnd(total - prefix - 1, ' ') + '\n';
  const bytes = new Uint8Array(total + m.size * 8);
  bytes.set(npyMagic, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  const view = new DataView(bytes.buffer);
  view.setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) bytes[prefix + i] = header.charCodeAt(i);
  const { data } = m;
  for (let i = 0; i < data.length; i++) view.setFloat64(total + i * 8, data[i], true);
  return bytes;
}

import { Matrix } from '@synthgrad/tensor';
import { FormatError } from './FormatError.js';
import { npyMagic } from './npyMagic.js';

const itemSizes: Record<string, number> = { '<f8': 8, '<f4': 4 };

/**
 * A matrix from a NumPy `.npy` file: dtype `'<f8'` or `'<f4'`, C order, 1-D (read as 1 × n) or
 * 2-D; format versions 1.0 to 3.0. Anything else fails with a {@link FormatError} saying what:
 * bad magic, an unsupported dtype, Fortran order, another number of dimensions, truncated data.
 *
 * @example
 * ```ts
 * const x = fromNpy(readFileSync('x.npy'));   // python: np.save('x.npy', x)
 * ```
 */
export function fromNpy(bytes: Uint8Array): Matrix {
  if (bytes.length < 10 || !npyMagic.every((b, i) => bytes[i] === b)) {
    const start = Array.from(bytes.subarray(0, 6), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new FormatError(`fromNpy: not a .npy file: it starts with bytes ${start || '(none)'}, not 93 4e 55 4d 50 59 ("\\x93NUMPY")`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  if (major < 1 || major > 3) throw new FormatError(`fromNpy: unsupported .npy format version ${major}.${bytes[7]}`);
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw new FormatError('fromNpy: truncated header');
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  const dataStart = headerStart + headerLength;
  if (bytes.length < dataStart) {
    throw new FormatError(`fromNpy: truncated header: it declares ${headerLength} bytes, the file has ${bytes.length - headerStart}`);
  }
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, dataStart));

  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new FormatError(`fromNpy: header lacks descr, fortran_order or shape: ${header.trim()}`);
  }
  const itemSize = itemSizes[descr];
  if (itemSize === undefined) {
    throw new FormatError(`fromNpy: unsupported dtype '${descr}'; supported: '<f8' (float64), '<f4' (float32)`);
  }
  if (fortran === 'True') {
    throw new FormatError('fromNpy: Fortran-order arrays are not supported; save a C-order array (np.ascontiguousarray)');
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  if (shape.length < 1 || shape.length > 2 || !shape.every(Number.isInteger)) {
    throw new FormatError(`fromNpy: shape (${shapeText}) is not 1-D or 2-D`);
  }
  const [rows, cols] = shape.length === 1 ? [1, shape[0]] : shape;
  const needed = rows * cols * itemSize;
  const available = bytes.length - dataStart;
  if (available < needed) {
    throw new FormatError(`fromNpy: truncated data: shape (${shapeText}) of '${descr}' needs ${needed} bytes, the file has ${available}`);
  }
  const m = new Matrix(rows, cols);
  const { data } = m;
  if (itemSize === 8) for (let i = 0; i < data.length; i++) data[i] = view.getFloat64(dataStart + i * 8, true);
  else for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(dataStart + i * 4, true);
  return m;
}

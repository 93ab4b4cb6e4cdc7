import { Matrix } from '@synthgrad/tensor';
import { FormatError } from './FormatError.js';
import { npyMagic } from './npyMagic.js';
import { parsePythonLiteral, type PythonLiteral } from './parsePythonLiteral.js';

const itemSizes: Record<string, number> = { '<f8': 8, '<f4': 4 };

/**
 * A matrix from a NumPy `.npy` file: dtype `'<f8'` or `'<f4'`, C or Fortran order (transposed on
 * reading), 1-D (read as 1 × n) or 2-D; format versions 1.0 to 3.0. The header is parsed as the
 * Python literal it is. Anything else fails with a {@link FormatError} saying what: bad magic, a
 * malformed header, an unsupported dtype, another number of dimensions, truncated or trailing data.
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

  const { descr, fortran, shape } = readHeader(header);
  const itemSize = itemSizes[descr];
  if (itemSize === undefined) {
    throw new FormatError(`fromNpy: unsupported dtype '${descr}'; supported: '<f8' (float64), '<f4' (float32)`);
  }
  const shapeText = `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  if (shape.length < 1 || shape.length > 2) throw new FormatError(`fromNpy: shape ${shapeText} is not 1-D or 2-D`);
  const [rows, cols] = shape.length === 1 ? [1, shape[0]] : shape;
  const needed = rows * cols * itemSize;
  const available = bytes.length - dataStart;
  if (available < needed) {
    throw new FormatError(`fromNpy: truncated data: shape ${shapeText} of '${descr}' needs ${needed} bytes, the file has ${available}`);
  }
  if (available > needed) {
    throw new FormatError(
      `fromNpy: ${available - needed} bytes of trailing data: shape ${shapeText} of '${descr}' needs ${needed} bytes, the file has ${available}`,
    );
  }
  const m = new Matrix(rows, cols);
  const { data } = m;
  const read = itemSize === 8 ? (k: number) => view.getFloat64(dataStart + k * 8, true) : (k: number) => view.getFloat32(dataStart + k * 4, true);
  if (fortran && rows > 1 && cols > 1) {
    // Column-major on disk: element (i, j) is the (j · rows + i)-th.
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = read(j * rows + i);
  } else {
    for (let k = 0; k < data.length; k++) data[k] = read(k);
  }
  return m;
}

/** The header dict, checked as numpy's own reader checks it: exactly the three keys, each of its type. */
function readHeader(header: string): { descr: string; fortran: boolean; shape: number[] } {
  const dict = parsePythonLiteral(header, 'fromNpy');
  if (typeof dict !== 'object' || dict === null || Array.isArray(dict)) {
    throw new FormatError(`fromNpy: the header is not a dict: ${header.trim()}`);
  }
  const record = dict as Record<string, PythonLiteral>;
  const expected = ['descr', 'fortran_order', 'shape'];
  const keys = Object.keys(record);
  const missing = expected.filter((k) => !keys.includes(k));
  const extra = keys.filter((k) => !expected.includes(k));
  if (missing.length || extra.length) {
    const parts = [missing.length ? `lacks ${missing.join(', ')}` : '', extra.length ? `has unknown key(s) ${extra.join(', ')}` : ''];
    throw new FormatError(`fromNpy: the header ${parts.filter(Boolean).join(' and ')}; expected exactly descr, fortran_order, shape`);
  }
  const { descr, fortran_order: fortran, shape } = record;
  if (typeof descr !== 'string') throw new FormatError(`fromNpy: descr must be a string, got ${JSON.stringify(descr)}`);
  if (typeof fortran !== 'boolean') {
    throw new FormatError(`fromNpy: fortran_order must be True or False, got ${JSON.stringify(fortran)}`);
  }
  if (!Array.isArray(shape)) throw new FormatError(`fromNpy: shape must be a tuple, got ${JSON.stringify(shape)}`);
  const bad = shape.find((n) => typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0);
  if (bad !== undefined) {
    throw new FormatError(`fromNpy: shape (${shape.join(', ')}) has ${JSON.stringify(bad)}; every size must be a non-negative integer`);
  }
  return { descr, fortran, shape: shape as number[] };
}

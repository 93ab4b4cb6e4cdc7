import { IdxFormatError } from './IdxFormatError.js';

/** An IDX array: its dimensions, outermost first, and its values in row-major order. */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

const TYPE_NAMES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};
const UNSIGNED_BYTE = 0x08;

/**
 * Parses an IDX file (the format of Yann LeCun's MNIST files): two zero bytes, a type byte, the
 * number of dimensions, each dimension as a big-endian uint32, then the values. Only unsigned-byte
 * data (type 0x08, what MNIST uses) is supported. `data` is a view into `bytes`, not a copy.
 *
 * Throws an {@link IdxFormatError} starting with `source` for a bad magic number, an unsupported
 * type, or a length that does not match the dimensions (a truncated file, or trailing bytes).
 *
 * @example
 * ```ts
 * const { dims, data } = parseIdx(await readFile('t10k-labels-idx1-ubyte'), 't10k-labels-idx1-ubyte');
 * dims;    // [10000]
 * data[0]; // 7
 * ```
 */
export function parseIdx(bytes: Uint8Array, source = 'IDX data'): IdxArray {
  const fail = (message: string): never => {
    throw new IdxFormatError(source, message);
  };
  if (bytes.length < 4) fail(`${bytes.length} bytes are too few for an IDX file (its magic number alone has 4)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (these bytes are gzipped: gunzip them first)' : '';
    fail(`bad magic number ${hex(magic, 8)}: an IDX file starts with two zero bytes${gzipped}`);
  }
  const type = bytes[2];
  if (type !== UNSIGNED_BYTE) {
    const known = TYPE_NAMES[type] === undefined ? 'an unknown IDX data type' : `${TYPE_NAMES[type]} data`;
    fail(`unsupported data type ${hex(type, 2)} (${known}) in magic number ${hex(magic, 8)}; only 0x08 (unsigned byte) is supported`);
  }
  const rank = bytes[3];
  if (rank === 0) fail(`magic number ${hex(magic, 8)} declares 0 dimensions; an IDX array has at least 1`);
  const headerSize = 4 + 4 * rank;
  if (bytes.length < headerSize) {
    fail(`truncated header: ${rank} dimensions need ${headerSize} header bytes, got ${bytes.length}`);
  }
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const values = dims.reduce((product, dim) => product * dim, 1);
  const expected = headerSize + values;
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? 'truncated' : `${bytes.length - expected} extra bytes at the end`;
    fail(`dims ${dims.join('×')} need ${headerSize} + ${values} = ${expected} bytes, got ${bytes.length} (${what})`);
  }
  return { dims, data: bytes.subarray(headerSize, expected) };
}

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

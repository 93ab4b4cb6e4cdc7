import { IdxFormatError } from './IdxFormatError.js';
import { describeLengthMismatch, readIdxHeader } from './readIdxHeader.js';

/** An IDX array: its dimensions, outermost first, and its values in row-major order. */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

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
  const header = readIdxHeader(bytes, source);
  if (header === undefined) {
    throw new IdxFormatError(
      source,
      bytes.length < 4
        ? `${bytes.length} bytes are too few for an IDX file (its magic number alone has 4)`
        : `truncated header: ${bytes[3]} dimensions need ${4 + 4 * bytes[3]} header bytes, got ${bytes.length}`,
    );
  }
  if (bytes.length !== header.totalSize) throw new IdxFormatError(source, describeLengthMismatch(header, bytes.length));
  return { dims: header.dims, data: bytes.subarray(header.headerSize, header.totalSize) };
}

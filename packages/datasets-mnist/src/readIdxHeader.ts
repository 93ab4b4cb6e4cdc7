import { IdxFormatError } from './IdxFormatError.js';

/** The header of an IDX file: its dimensions and the byte counts they declare. */
export interface IdxHeader {
  readonly dims: readonly number[];
  /** 4 bytes of magic number + 4 per dimension. */
  readonly headerSize: number;
  /** Values the dimensions declare (one byte each): their product. */
  readonly values: number;
  /** `headerSize + values`: the exact length of the whole file. */
  readonly totalSize: number;
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
 * Reads the header at the start of `bytes` (the first bytes of an IDX file, possibly only a part of
 * it): `undefined` while `bytes` end before the header does. Throws an {@link IdxFormatError} starting
 * with `source` as soon as the magic number is wrong (not two zero bytes, a type other than 0x08, or
 * 0 dimensions), so a reader can refuse a file before it reads, or gunzips, the rest.
 *
 * @example
 * ```ts
 * readIdxHeader(Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 3)); // { dims: [3], headerSize: 8, values: 3, totalSize: 11 }
 * readIdxHeader(Uint8Array.of(0, 0, 8));                // undefined: more bytes needed
 * ```
 */
export function readIdxHeader(bytes: Uint8Array, source = 'IDX data'): IdxHeader | undefined {
  const fail = (message: string): never => {
    throw new IdxFormatError(source, message);
  };
  if (bytes.length >= 2 && (bytes[0] !== 0 || bytes[1] !== 0)) {
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (these bytes are gzipped: gunzip them first)' : '';
    fail(`bad magic number ${magicOf(bytes)}: an IDX file starts with two zero bytes${gzipped}`);
  }
  if (bytes.length < 4) return undefined;
  const type = bytes[2];
  if (type !== UNSIGNED_BYTE) {
    const known = TYPE_NAMES[type] === undefined ? 'an unknown IDX data type' : `${TYPE_NAMES[type]} data`;
    fail(`unsupported data type ${hex(type, 2)} (${known}) in magic number ${magicOf(bytes)}; only 0x08 (unsigned byte) is supported`);
  }
  const rank = bytes[3];
  if (rank === 0) fail(`magic number ${magicOf(bytes)} declares 0 dimensions; an IDX array has at least 1`);
  const headerSize = 4 + 4 * rank;
  if (bytes.length < headerSize) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, headerSize);
  const dims = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  // Beyond 2^53 the product is rounded, but still above any real length: comparisons stay right.
  const values = dims.reduce((product, dim) => product * dim, 1);
  return { dims, headerSize, values, totalSize: headerSize + values };
}

/**
 * `dims 10000×28×28 need 16 + 7840000 = 7840016 bytes`: what the header declares, exact even past
 * 2^53 bytes.
 */
export function describeDeclaredSize(header: IdxHeader): string {
  const values = header.dims.reduce((product, dim) => product * BigInt(dim), 1n);
  return `dims ${header.dims.join('×')} need ${header.headerSize} + ${values} = ${values + BigInt(header.headerSize)} bytes`;
}

/** Why `length` bytes do not match the header; `atLeast`: reading stopped after `length` bytes. */
export function describeLengthMismatch(header: IdxHeader, length: number, atLeast = false): string {
  const extra = length - header.totalSize;
  const what = extra < 0 ? 'truncated' : `${atLeast ? 'at least ' : ''}${extra} extra bytes at the end`;
  return `${describeDeclaredSize(header)}, got ${atLeast ? 'at least ' : ''}${length} (${what})`;
}

function magicOf(bytes: Uint8Array): string {
  const magic = Array.from({ length: 4 }, (_, i) => bytes[i] ?? 0).reduce((value, byte) => value * 256 + byte, 0);
  return hex(magic, 8);
}

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

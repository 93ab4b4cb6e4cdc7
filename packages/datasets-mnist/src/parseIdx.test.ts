import { SynthgradError } from '@synthgrad/core';
import { describe, expect, it } from 'vitest';
import { idxBytes } from '../test/idxBytes.js';
import { IdxFormatError } from './IdxFormatError.js';
import { parseIdx } from './parseIdx.js';

describe('parseIdx', () => {
  it('reads a 1-dimensional file (hand bytes)', () => {
    const { dims, data } = parseIdx(Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 3, 7, 2, 1));
    expect(dims).toEqual([3]);
    expect(Array.from(data)).toEqual([7, 2, 1]);
  });

  it('reads a 3-dimensional file row-major, as a view of the bytes', () => {
    const bytes = Uint8Array.of(0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, ...Array.from({ length: 12 }, (_, i) => 10 + i));
    const { dims, data } = parseIdx(bytes);
    expect(dims).toEqual([2, 2, 3]);
    expect(Array.from(data)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(data.buffer).toBe(bytes.buffer);
    expect(data.byteOffset).toBe(16);
  });

  it('reads dimensions as big-endian uint32', () => {
    // 0x00000102 = 258 values.
    expect(parseIdx(Uint8Array.of(0, 0, 8, 1, 0, 0, 1, 2, ...new Array(258).fill(9))).dims).toEqual([258]);
    expect(parseIdx(idxBytes([70000, 0], [])).dims).toEqual([70000, 0]);
  });

  it('works on a view into a larger buffer (a Node Buffer from the pool)', () => {
    const outer = Uint8Array.of(99, 99, 99, 0, 0, 8, 1, 0, 0, 0, 2, 5, 6, 99);
    const { dims, data } = parseIdx(outer.subarray(3, 13));
    expect(dims).toEqual([2]);
    expect(Array.from(data)).toEqual([5, 6]);
  });

  it.each([
    ['too short', [0, 0, 8], 'IDX data: 3 bytes are too few for an IDX file (its magic number alone has 4)'],
    ['bad magic number', [1, 0, 8, 1, 0, 0, 0, 1, 5], 'IDX data: bad magic number 0x01000801: an IDX file starts with two zero bytes'],
    [
      'gzipped bytes',
      [0x1f, 0x8b, 8, 0, 0, 0, 0, 0],
      'IDX data: bad magic number 0x1f8b0800: an IDX file starts with two zero bytes (these bytes are gzipped: gunzip them first)',
    ],
    [
      'float32 data',
      [0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0],
      'IDX data: unsupported data type 0x0d (float32 data) in magic number 0x00000d01; only 0x08 (unsigned byte) is supported',
    ],
    [
      'unknown type',
      [0, 0, 0x07, 1, 0, 0, 0, 1, 0],
      'IDX data: unsupported data type 0x07 (an unknown IDX data type) in magic number 0x00000701; only 0x08 (unsigned byte) is supported',
    ],
    ['no dimensions', [0, 0, 8, 0], 'IDX data: magic number 0x00000800 declares 0 dimensions; an IDX array has at least 1'],
    ['truncated header', [0, 0, 8, 3, 0, 0, 0, 1], 'IDX data: truncated header: 3 dimensions need 16 header bytes, got 8'],
    ['truncated data', [0, 0, 8, 1, 0, 0, 0, 3, 7, 2], 'IDX data: dims 3 need 8 + 3 = 11 bytes, got 10 (truncated)'],
    [
      'truncated images',
      Array.from(idxBytes([2, 28, 28], new Array(2 * 784 - 1).fill(0))),
      'IDX data: dims 2×28×28 need 16 + 1568 = 1584 bytes, got 1583 (truncated)',
    ],
    ['trailing bytes', [0, 0, 8, 1, 0, 0, 0, 1, 7, 2, 1], 'IDX data: dims 1 need 8 + 1 = 9 bytes, got 11 (2 extra bytes at the end)'],
  ])('refuses %s, saying what is wrong', (_case, bytes, message) => {
    const parse = () => parseIdx(Uint8Array.from(bytes));
    expect(parse).toThrow(IdxFormatError);
    expect(parse).toThrow(SynthgradError);
    expect(parse).toThrow(message);
  });

  it('names the file in the error', () => {
    try {
      parseIdx(Uint8Array.of(0, 0, 8, 1, 0, 0, 0, 3), '/data/t10k-labels-idx1-ubyte');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IdxFormatError);
      expect((error as IdxFormatError).source).toBe('/data/t10k-labels-idx1-ubyte');
      expect((error as Error).message).toBe('/data/t10k-labels-idx1-ubyte: dims 3 need 8 + 3 = 11 bytes, got 8 (truncated)');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { idxBytes } from '../test/idxBytes.js';
import { IdxFormatError } from './IdxFormatError.js';
import { describeLengthMismatch, readIdxHeader } from './readIdxHeader.js';

describe('readIdxHeader', () => {
  it('reads the dims and declared sizes from the first bytes alone', () => {
    const start = idxBytes([60000, 28, 28], []);
    expect(readIdxHeader(start)).toEqual({ dims: [60000, 28, 28], headerSize: 16, values: 47040000, totalSize: 47040016 });
    expect(readIdxHeader(idxBytes([7], [1, 2, 3]))).toEqual({ dims: [7], headerSize: 8, values: 7, totalSize: 15 });
  });

  it('asks for more bytes while the header is incomplete', () => {
    const start = idxBytes([60000, 28, 28], []);
    for (let n = 0; n < 16; n++) expect(readIdxHeader(start.subarray(0, n)), `${n} bytes`).toBeUndefined();
  });

  it('refuses a wrong magic number as soon as its bytes arrive', () => {
    expect(() => readIdxHeader(Uint8Array.of(0x1f, 0x8b), 'f')).toThrow('f: bad magic number 0x1f8b0000: an IDX file starts with two zero bytes (these bytes are gzipped: gunzip them first)');
    expect(() => readIdxHeader(Uint8Array.of(0, 0, 0x0d, 1), 'f')).toThrow(IdxFormatError);
    expect(() => readIdxHeader(Uint8Array.of(0, 0, 0x0d, 1), 'f')).toThrow('f: unsupported data type 0x0d (float32 data)');
    expect(() => readIdxHeader(Uint8Array.of(0, 0, 8, 0), 'f')).toThrow('f: magic number 0x00000800 declares 0 dimensions');
  });

  it('states declared sizes past 2^53 exactly', () => {
    const header = readIdxHeader(idxBytes([4294967295, 4294967295, 4294967295], []))!;
    // (2^32 − 1)^3 = 79228162458924105385300197375, by hand: 2^96 − 3·2^64 + 3·2^32 − 1.
    expect(describeLengthMismatch(header, 28)).toBe(
      'dims 4294967295×4294967295×4294967295 need 16 + 79228162458924105385300197375 = 79228162458924105385300197391 bytes, got 28 (truncated)',
    );
    expect(header.totalSize).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
  });
});

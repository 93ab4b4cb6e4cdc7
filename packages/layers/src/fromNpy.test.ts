import { describe, expect, it } from 'vitest';
import { npyFixture as fixture } from '../test/support/npyFixture.js';
import { FormatError } from './FormatError.js';
import { fromNpy } from './fromNpy.js';

describe('fromNpy', () => {
  it("reads numpy's '<f8' 2-D file", () => {
    const m = fromNpy(fixture('f8_2x3.npy'));
    expect(m.shape).toBe('2×3');
    expect(Array.from(m.data)).toEqual([1.5, -2.25, 3, 0.1, 1e-300, -0]);
    expect(Object.is(m.get(1, 2), -0)).toBe(true);
  });

  it("reads numpy's '<f4' 2-D file, widening each float32", () => {
    const m = fromNpy(fixture('f4_2x2.npy'));
    expect(m.toArray()).toEqual([[0.5, -1.25], [3, Math.fround(0.1)]]);
  });

  it('reads 1-D files as one row', () => {
    expect(fromNpy(fixture('f8_1d.npy')).toArray()).toEqual([[0, 1, 2.5, -4]]);
    expect(fromNpy(fixture('f4_1d.npy')).toArray()).toEqual([[1, Math.fround(-0.1), 65504]]);
  });

  it('reads from a Uint8Array that is a view into a larger buffer at an odd offset', () => {
    const bytes = fixture('f8_2x3.npy');
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(fromNpy(padded.subarray(3)).toArray()).toEqual(fromNpy(bytes).toArray());
  });

  it('explains what it cannot read', () => {
    const cases: [string | Uint8Array, string][] = [
      ['fortran_2x3.npy', 'fromNpy: Fortran-order arrays are not supported'],
      ['big_endian_f8.npy', "fromNpy: unsupported dtype '>f8'; supported: '<f8' (float64), '<f4' (float32)"],
      ['int64.npy', "fromNpy: unsupported dtype '<i8'"],
      ['f8_3d.npy', 'fromNpy: shape (2, 2, 2) is not 1-D or 2-D'],
      [new TextEncoder().encode('PK\u0003\u0004 a zip file'), 'fromNpy: not a .npy file: it starts with bytes 50 4b 03 04 20 61'],
      [fixture('f8_2x3.npy').subarray(0, 170), "fromNpy: truncated data: shape (2, 3) of '<f8' needs 48 bytes, the file has 42"],
      [fixture('f8_2x3.npy').subarray(0, 60), 'fromNpy: truncated header: it declares 118 bytes, the file has 50'],
    ];
    for (const [input, message] of cases) {
      const bytes = typeof input === 'string' ? fixture(input) : input;
      expect(() => fromNpy(bytes)).toThrow(FormatError);
      expect(() => fromNpy(bytes)).toThrow(message);
    }
  });
});

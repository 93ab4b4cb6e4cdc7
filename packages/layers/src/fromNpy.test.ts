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

  it("reads numpy's Fortran-order file in row-major order", () => {
    // np.asfortranarray(np.arange(6).reshape(2, 3)): stored column by column as 0 3 1 4 2 5.
    expect(fromNpy(fixture('fortran_2x3.npy')).toArray()).toEqual([[0, 1, 2], [3, 4, 5]]);
  });

  it('reads the real fortran_order, not a quoted string that looks like it', () => {
    // The descr is a string containing "'fortran_order': False"; the real key says True.
    const header = `{'descr': '<f8', 'shape': (2, 2), 'fortran_order': True, }`;
    const tricky = `{'descr': "<f8' 'fortran_order': False", 'fortran_order': True, 'shape': (2, 2), }`;
    expect(fromNpy(npyBytes(header, [1, 2, 3, 4])).toArray()).toEqual([[1, 3], [2, 4]]);
    expect(() => fromNpy(npyBytes(tricky, [1, 2, 3, 4]))).toThrow(`unsupported dtype '<f8' 'fortran_order': False'`);
  });

  it('accepts the literal forms numpy writes and Python reads alike', () => {
    const data = [1, 2, 3];
    for (const header of [
      `{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }`,
      `{"descr":"<f8","fortran_order":False,"shape":(1,3)}`,
      `{ 'shape' : ( 3 , ) , 'descr' : '<f8' , 'fortran_order' : False }   \n`,
    ]) {
      expect(fromNpy(npyBytes(header, data)).toArray()).toEqual([data]);
    }
  });

  it('refuses a header that is not a well-formed literal, naming what is wrong', () => {
    const cases: [string, string][] = [
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (, 3), }`, 'malformed header at character 51: expected a value, found ","'],
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (0x2, 3), }`, 'malformed header at character 51: expected a value, found "0"'],
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (2.0, 3), }`, 'expected a value, found "2"'],
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (-2, 3), }`, 'shape (-2, 3) has -2; every size must be a non-negative integer'],
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (6), }`, 'shape must be a tuple, got 6'],
      [`{'descr': '<f8', 'fortran_order': 0, 'shape': (2, 3), }`, 'fortran_order must be True or False, got 0'],
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), } x`, 'unexpected "x" after the literal'],
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3) 'x': 1}`, 'expected "," or "}", found "\'"'],
      [`{'descr': '<f8, 'fortran_order': False, 'shape': (2, 3), }`, 'expected "," or "}", found "f"'],
      [`{'descr': '<f8', 'shape': (2, 3), }`, 'the header lacks fortran_order; expected exactly descr, fortran_order, shape'],
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'x': 1}`, 'the header has unknown key(s) x'],
      [`{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)}`, 'key "descr" appears twice'],
      [`('descr', '<f8')`, 'the header is not a dict'],
      [`['descr', '<f8']`, 'expected a value, found "["'],
      [`{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)`, 'expected "," or "}", found the end'],
    ];
    for (const [header, message] of cases) {
      const bytes = npyBytes(header, [1, 2, 3, 4, 5, 6]);
      expect(() => fromNpy(bytes), header).toThrow(FormatError);
      expect(() => fromNpy(bytes), header).toThrow(message);
    }
  });

  it('refuses data beyond the declared shape', () => {
    const bytes = npyBytes(`{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }`, [1, 2, 3, 4, 5]);
    expect(() => fromNpy(bytes)).toThrow(
      "fromNpy: 8 bytes of trailing data: shape (2, 2) of '<f8' needs 32 bytes, the file has 40",
    );
  });

  it('explains what it cannot read', () => {
    const cases: [string | Uint8Array, string][] = [
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

/** A version 1.0 file with `header` as written and `values` as '<f8', for headers numpy would not write. */
function npyBytes(header: string, values: readonly number[]): Uint8Array {
  const head = new TextEncoder().encode(header);
  const bytes = new Uint8Array(10 + head.length + values.length * 8);
  bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0);
  const view = new DataView(bytes.buffer);
  view.setUint16(8, head.length, true);
  bytes.set(head, 10);
  values.forEach((v, i) => view.setFloat64(10 + head.length + i * 8, v, true));
  return bytes;
}

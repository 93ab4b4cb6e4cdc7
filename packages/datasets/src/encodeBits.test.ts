import { describe, expect, it } from 'vitest';
import { encodeBits } from './encodeBits.js';

describe('encodeBits', () => {
  it('gives the digits most significant first (hand values)', () => {
    expect(encodeBits(0, 4)).toEqual([0, 0, 0, 0]);
    expect(encodeBits(6, 4)).toEqual([0, 1, 1, 0]);
    expect(encodeBits(15, 4)).toEqual([1, 1, 1, 1]);
    expect(encodeBits(1, 1)).toEqual([1]);
    expect(encodeBits(5, 8)).toEqual([0, 0, 0, 0, 0, 1, 0, 1]);
    expect(encodeBits(2 ** 25 + 3, 26)).toEqual([1, ...new Array(23).fill(0), 1, 1]);
    expect(encodeBits(2 ** 40, 41)).toEqual([1, ...new Array(40).fill(0)]);
  });

  it("agrees with Number#toString(2) padded to the width", () => {
    for (const [value, bits] of [[0, 12], [1234, 12], [4095, 12], [999_999, 20], [2 ** 26 - 1, 26]]) {
      expect(encodeBits(value, bits).join('')).toBe(value.toString(2).padStart(bits, '0'));
    }
  });

  it('refuses values that do not fit and bad widths', () => {
    expect(() => encodeBits(16, 4)).toThrow('encodeBits: 16 does not fit in 4 bits (0 ≤ value < 16)');
    expect(() => encodeBits(-1, 4)).toThrow(RangeError);
    expect(() => encodeBits(1.5, 4)).toThrow(RangeError);
    expect(() => encodeBits(1, 0)).toThrow('encodeBits: bits must be an integer from 1 to 52, got 0');
  });
});

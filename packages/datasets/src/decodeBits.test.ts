import { describe, expect, it } from 'vitest';
import { decodeBits } from './decodeBits.js';
import { encodeBits } from './encodeBits.js';

describe('decodeBits', () => {
  it('reads digits most significant first (hand values)', () => {
    expect(decodeBits([0, 1, 1, 0])).toBe(6);
    expect(decodeBits([1, 0, 0, 0, 0, 0, 0, 1])).toBe(129);
    expect(decodeBits([])).toBe(0);
    expect(decodeBits(Float64Array.of(1, 1, 1))).toBe(7);
  });

  it('thresholds network outputs (above the threshold is 1)', () => {
    expect(decodeBits([0.1, 0.9, 0.7, 0.4])).toBe(6);
    expect(decodeBits([0.5, 0.51])).toBe(1);
    expect(decodeBits([0.3, 0.2], 0.25)).toBe(2);
  });

  it('inverts encodeBits', () => {
    for (let value = 0; value < 256; value++) expect(decodeBits(encodeBits(value, 8))).toBe(value);
    expect(decodeBits(encodeBits(2 ** 26 - 5, 26))).toBe(2 ** 26 - 5);
  });
});

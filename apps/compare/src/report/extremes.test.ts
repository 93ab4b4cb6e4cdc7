import { describe, expect, it } from 'vitest';
import { extremes } from './extremes.js';

describe('extremes', () => {
  it('agrees with Math.min and Math.max on small lists, edge values included', () => {
    const lists = [[], [5], [3, -1, 2], [0, -0], [-0, 0], [1, Number.NaN, 2], [Infinity, -Infinity], [0.1, 0.2, 0.30000000000000004]];
    for (const values of lists) {
      const { min, max } = extremes(values);
      expect(Object.is(min, Math.min(...values)), `min of ${values.join(',')}`).toBe(true);
      expect(Object.is(max, Math.max(...values)), `max of ${values.join(',')}`).toBe(true);
    }
  });

  it('takes a million values, which a spread cannot', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i * 7919) % 1_000_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    // i·7919 mod 1000003 over i < 10⁶ includes 0 (i = 0); the largest is found by a plain loop below.
    let largest = -Infinity;
    for (const v of values) if (v > largest) largest = v;
    expect(extremes(values)).toEqual({ min: 0, max: largest });
  });
});

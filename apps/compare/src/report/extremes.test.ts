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
    // 0 … 999999, rotated so that neither extreme sits at an end of the list (the last value becomes 499998.5).
    const values = Array.from({ length: 1_000_000 }, (_, i) => (i + 500_000) % 1_000_000);
    values[999_999] -= 0.5;
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(extremes(values)).toEqual({ min: 0, max: 999_999 });
  });
});

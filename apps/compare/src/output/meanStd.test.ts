import { describe, expect, it } from 'vitest';
import { meanStd } from './meanStd.js';

describe('meanStd', () => {
  it('gives the mean and the sample standard deviation', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, sum of squares 32, sample variance 32 / 7.
    const stat = meanStd([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(stat.mean).toBe(5);
    expect(stat.std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(meanStd([0.5])).toEqual({ mean: 0.5, std: 0, n: 1 });
    expect(meanStd([])).toBeUndefined();
  });
});

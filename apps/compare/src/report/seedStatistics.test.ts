import { describe, expect, it } from 'vitest';
import { seedStatistics } from './seedStatistics.js';

describe('seedStatistics', () => {
  it('gives mean, sample standard deviation (n − 1) and range', () => {
    // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3 → std √(5/3)
    const s = seedStatistics([1, 2, 3, 4])!;
    expect(s.n).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect([s.min, s.max]).toEqual([1, 4]);
  });

  it('gives a single seed a spread of 0 and no values nothing', () => {
    expect(seedStatistics([0.7])).toEqual({ n: 1, mean: 0.7, std: 0, min: 0.7, max: 0.7 });
    expect(seedStatistics([])).toBeUndefined();
  });
});

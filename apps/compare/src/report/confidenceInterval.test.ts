import { describe, expect, it } from 'vitest';
import { confidenceInterval } from './confidenceInterval.js';

describe('confidenceInterval', () => {
  it('is mean ± t(0.975, n − 1)·s/√n', () => {
    // 0.9, 0.92, 0.94: mean 0.92, s = 0.02; t(0.975, 2) = 4.303 (t table) → half-width 4.303·0.02/√3 = 0.049687
    const interval = confidenceInterval([0.9, 0.92, 0.94])!;
    expect(interval.n).toBe(3);
    expect(interval.mean).toBeCloseTo(0.92, 12);
    expect(interval.low).toBeCloseTo(0.92 - 0.049687, 5);
    expect(interval.high).toBeCloseTo(0.92 + 0.049687, 5);
  });

  it('has no bounds for one value and is undefined for none', () => {
    expect(confidenceInterval([0.5])).toEqual({ n: 1, mean: 0.5 });
    expect(confidenceInterval([])).toBeUndefined();
  });
});

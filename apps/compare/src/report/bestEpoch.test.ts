import { describe, expect, it } from 'vitest';
import { bestEpoch } from './bestEpoch.js';
import type { CurvePoint } from './learningCurve.js';

const curve = (means: number[], first = 1): CurvePoint[] =>
  means.map((mean, i) => ({ epoch: first + i, n: 1, mean, std: 0, min: mean, max: mean }));

describe('bestEpoch', () => {
  it('takes the highest mean of the primary metric', () => {
    expect(bestEpoch(curve([0.1, 0.4, 0.3]))).toBe(2);
  });

  it('breaks ties with the secondary metric, then by the earlier epoch', () => {
    expect(bestEpoch(curve([0.1, 0.5, 0.5, 0.2]), curve([0.6, 0.7, 0.8, 0.9]))).toBe(3);
    expect(bestEpoch(curve([0.5, 0.5]), curve([0.7, 0.7]))).toBe(1);
    expect(bestEpoch(curve([0, 0, 0]))).toBe(1);
  });

  it('is undefined for an empty curve', () => {
    expect(bestEpoch([])).toBeUndefined();
  });
});

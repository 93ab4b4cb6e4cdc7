import { describe, expect, it } from 'vitest';
import { epochsToThreshold } from './epochsToThreshold.js';
import type { CurvePoint } from './learningCurve.js';

const curve = (means: number[]): CurvePoint[] => means.map((mean, i) => ({ epoch: i + 1, n: 2, mean, std: 0, min: mean, max: mean }));

describe('epochsToThreshold', () => {
  it('is the first epoch (from 1) whose mean reaches the threshold, equality included', () => {
    const c = curve([0.5, 0.625, 0.75, 0.7, 0.875]);
    expect(epochsToThreshold(c, 0.75)).toBe(3);
    expect(epochsToThreshold(c, 0.6)).toBe(2);
    expect(epochsToThreshold(c, 0.8)).toBe(5);
    expect(epochsToThreshold(c, 0.5)).toBe(1);
  });

  it('is undefined when the mean never gets there', () => {
    expect(epochsToThreshold(curve([0.5, 0.74]), 0.75)).toBeUndefined();
    expect(epochsToThreshold([], 0.75)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { chooseYScale } from './chooseYScale.js';
import type { CurveSeries } from './curveChartSpec.js';

const series = (...means: number[][]): CurveSeries[] =>
  means.map((m, s) => ({ label: `s${s}`, points: m.map((mean, i) => ({ epoch: i + 1, n: 1, mean, std: 0, min: mean, max: mean })) }));

describe('chooseYScale', () => {
  it('is linear for values within 30× of each other', () => {
    expect(chooseYScale(series([1, 0.5, 0.1]))).toEqual({ log: false });
  });

  it('is logarithmic for positive values spanning more than 30×', () => {
    expect(chooseYScale(series([2, 0.5, 0.01]))).toEqual({ log: true });
    expect(chooseYScale(series([2, 0, -0.01]))).toEqual({ log: false });
  });

  it('cuts the axis off at 10× the typical value when a run blows up past 100× it', () => {
    // 10 means of 1 and one of 1e120: the 90th percentile is 1, so the axis stops at 10
    expect(chooseYScale(series([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1e120]))).toEqual({ log: false, max: 10 });
    // typical 0.87 → 8.7 rounds up to one significant digit: 9; the low 0.2 spans 45× → log
    expect(chooseYScale(series([0.2, 0.87, 0.87, 0.87, 0.87, 0.87, 0.87, 0.87, 0.87, 0.87], [500]))).toEqual({ log: true, max: 9 });
  });
});

import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import { learningCurve } from './learningCurve.js';

/** Three seeds of one configuration; seed 3 diverged after 2 epochs. Values are exact in binary. */
const runs = [
  makeRecord('a', 1, [{ bitAccuracy: 0.5 }, { bitAccuracy: 0.75 }, { bitAccuracy: 0.75 }, { bitAccuracy: 1 }]),
  makeRecord('a', 2, [{ bitAccuracy: 0.75 }, { bitAccuracy: 0.75 }, { bitAccuracy: 1 }, { bitAccuracy: 1 }]),
  makeRecord('a', 3, [{ bitAccuracy: 0.25 }, { bitAccuracy: 1 }], { status: 'diverged' }),
];

describe('learningCurve', () => {
  it('averages each epoch over the seeds that reached it, counting epochs from 1', () => {
    const curve = learningCurve(runs, (e) => e.test.bitAccuracy);
    expect(curve.map((p) => [p.epoch, p.n])).toEqual([[1, 3], [2, 3], [3, 2], [4, 2]]);
    // epoch 1: 0.5, 0.75, 0.25 → mean 0.5, deviations 0, ±0.25 → std √(0.125 / 2) = 0.25
    expect(curve[0]).toMatchObject({ mean: 0.5, min: 0.25, max: 0.75 });
    expect(curve[0].std).toBeCloseTo(0.25, 12);
    // epoch 2: 0.75, 0.75, 1 → mean 2.5/3, deviations −1/12, −1/12, 2/12 → std √((6/144) / 2) = √(1/48)
    expect(curve[1].mean).toBeCloseTo(2.5 / 3, 12);
    expect(curve[1].std).toBeCloseTo(Math.sqrt(1 / 48), 12);
    // epochs 3 and 4: the diverged seed has stopped; only seeds 1 and 2 count
    expect(curve[2]).toMatchObject({ mean: 0.875, min: 0.75, max: 1 });
    expect(curve[2].std).toBeCloseTo(Math.SQRT2 * 0.125, 12);
    expect(curve[3]).toMatchObject({ mean: 1, std: 0, min: 1, max: 1 });
  });

  it('skips values that were not measured or were not finite (null in JSON)', () => {
    const withGaps = [
      makeRecord('a', 1, [{ bitAccuracy: 0.5 }, { bitAccuracy: null }]),
      makeRecord('a', 2, [{ bitAccuracy: 0.75 }, {}]),
    ];
    expect(learningCurve(withGaps, (e) => e.test.bitAccuracy)).toEqual([{ epoch: 1, n: 2, mean: 0.625, std: expect.any(Number), min: 0.5, max: 0.75 }]);
    expect(learningCurve([], (e) => e.test.loss)).toEqual([]);
  });
});

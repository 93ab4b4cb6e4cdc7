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

describe('learningCurve with carryForward', () => {
  it('keeps a stopped seed at its last value, so the mean does not jump, and counts the carried values', () => {
    const curve = learningCurve(runs, (e) => e.test.bitAccuracy, { carryForward: true });
    expect(curve.map((p) => [p.epoch, p.n, p.carried])).toEqual([[1, 3, 0], [2, 3, 0], [3, 3, 1], [4, 3, 1]]);
    // epoch 3: seeds 1 and 2 measured 0.75 and 1; seed 3 stopped at 1 after epoch 2 → (0.75 + 1 + 1) / 3
    expect(curve[2].mean).toBeCloseTo(2.75 / 3, 12);
    expect(curve[2]).toMatchObject({ min: 0.75, max: 1 });
    // epoch 4: 1, 1 and the carried 1
    expect(curve[3]).toMatchObject({ mean: 1, std: 0, min: 1, max: 1 });
  });

  it('never jumps where one seed of three stops early (the issue: a mean leaping from ~26% to ~36%)', () => {
    // Two seeds stay at 0.2 for 6 epochs; the third reaches 0.5 and stops after epoch 3.
    const stopping = [
      makeRecord('a', 1, Array.from({ length: 6 }, () => ({ exactAccuracy: 0.2 }))),
      makeRecord('a', 2, Array.from({ length: 6 }, () => ({ exactAccuracy: 0.2 }))),
      makeRecord('a', 3, [{ exactAccuracy: 0.5 }, { exactAccuracy: 0.5 }, { exactAccuracy: 0.5 }], { status: 'diverged' }),
    ];
    const means = learningCurve(stopping, (e) => e.test.exactAccuracy, { carryForward: true }).map((p) => p.mean);
    // Hand computation: (0.2 + 0.2 + 0.5) / 3 = 0.3 at every epoch.
    for (const mean of means) expect(mean).toBeCloseTo(0.3, 12);
    const jumping = learningCurve(stopping, (e) => e.test.exactAccuracy).map((p) => p.mean);
    expect(jumping[3]).toBeCloseTo(0.2, 12);
  });
});

describe('learningCurve epoch numbers', () => {
  /** A history whose records say which epoch they are (`makeRecord` numbers them from 0, as old staged runs did). */
  const withEpochs = (seed: number, epochs: readonly number[], values: readonly number[]) => {
    const record = makeRecord('a', seed, values.map((bitAccuracy) => ({ bitAccuracy })));
    return { ...record, history: record.history.map((e, i) => ({ ...e, epoch: epochs[i] })) };
  };

  it('reads each record\'s own epoch, not its position (a run resumed at a halving rung, say)', () => {
    const curve = learningCurve([withEpochs(1, [1, 2, 5], [0.25, 0.5, 1])], (e) => e.test.bitAccuracy);
    expect(curve.map((p) => [p.epoch, p.mean])).toEqual([[1, 0.25], [2, 0.5], [5, 1]]);
  });

  it('shifts a history counted from 0 (staged runs recorded before epochs counted from 1) by one', () => {
    const curve = learningCurve([withEpochs(1, [0, 1, 2], [0.25, 0.5, 1]), withEpochs(2, [1, 2, 3], [0.75, 0.5, 1])], (e) => e.test.bitAccuracy);
    expect(curve.map((p) => [p.epoch, p.mean])).toEqual([[1, 0.5], [2, 0.5], [3, 1]]);
  });
});

import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import { expandSweep } from '../suite/expandSweep.js';
import { parseSuite } from '../suite/readSuiteFile.js';
import { halvingRungs, survivors } from './successiveHalving.js';

const suite = expandSweep(
  parseSuite(
    {
      name: 'halving',
      dataset: { name: 'binary-addition' },
      network: { layers: [{ units: 4 }] },
      training: { epochs: 10, batchSize: 10 },
      seeds: [1, 2],
      sweep: { space: { 'network.learningRate': [0.1, 0.2, 0.3, 0.4, 0.5] }, halving: [8, 2, 20, 2] },
      runs: [{ label: 'a', trainer: 'backprop' }, { label: 'fixed', trainer: 'backprop', sweep: {} }],
    },
    'test',
  ),
);
const label = (rate: number) => `a [learningRate=${rate}]`;

describe('successive halving', () => {
  it('stops at the declared epochs below the suite epochs, ascending, once each', () => {
    expect(halvingRungs(suite)).toEqual([2, 8]);
  });

  it('keeps the better half (rounded up) of each sweep on validation at the rung, and every unswept configuration', () => {
    // Validation exact accuracy at epoch 2 (mean over both seeds): 0.3 best, then 0.5, then 0.1; later epochs must not count.
    const at2: Record<number, [number, number]> = { 0.1: [0.2, 0.2], 0.2: [0.1, 0.1], 0.3: [0.6, 0.4], 0.4: [0, 0.1], 0.5: [0.3, 0.3] };
    const records = Object.entries(at2).flatMap(([rate, values]) =>
      values.map((v, s) =>
        makeRecord(label(Number(rate)), s + 1, [
          { validation: { exactAccuracy: 0 } },
          { exactAccuracy: 1 - v, validation: { exactAccuracy: v } },
          { validation: { exactAccuracy: 1 - v } },
        ]),
      ),
    );
    const all = new Set(suite.runs.map((r) => r.label));
    expect([...survivors(suite, records, 2, all)].sort()).toEqual([label(0.1), label(0.3), label(0.5), 'fixed'].sort());
    // A setting with no record yet is not judged: it goes on.
    const without04 = records.filter((r) => r.label !== label(0.4));
    expect(survivors(suite, without04, 2, all).has(label(0.4))).toBe(true);
    // Only the labels still going are ranked.
    expect([...survivors(suite, records, 2, new Set([label(0.2), label(0.4)]))].sort()).toEqual([label(0.2)]);
  });
});

import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import type { Suite } from '../RunRecord.js';
import { summariseConfiguration } from './summariseConfiguration.js';
import { taskCriteria } from './taskCriteria.js';

const suite: Suite = {
  name: 'unit',
  description: '',
  dataset: { name: 'binary-addition' },
  network: { layers: [{ units: 2 }] },
  training: { epochs: 3, batchSize: 10 },
  seeds: [1, 2, 3, 4],
  runs: [{ label: 'a', trainer: 'backprop', training: { epochs: 5 } }],
};
const bits = taskCriteria('binary-digits');

describe('summariseConfiguration', () => {
  const runs = [
    makeRecord('a', 1, [{ exactAccuracy: 0.25, bitAccuracy: 0.5, loss: 2 }, { exactAccuracy: 0.5, bitAccuracy: 0.75, loss: 1 }], { seconds: 3 }),
    makeRecord('a', 2, [{ exactAccuracy: 0.5, bitAccuracy: 0.75, loss: 1 }, { exactAccuracy: 0.75, bitAccuracy: 1, loss: 0.5 }], { seconds: 5 }),
    // diverged after one epoch, with a better first epoch than the others: out of the final values, in the curves
    makeRecord('a', 3, [{ exactAccuracy: 1, bitAccuracy: 1, loss: 0.25 }], { status: 'diverged', seconds: 1, reason: 'NaN' }),
  ];
  const row = summariseConfiguration('a', runs, suite, bits);

  it('counts the runs by how they ended and names the seeds without a record', () => {
    expect(row.status).toEqual({ completed: 2, diverged: 1, failed: 0, missing: 1 });
    expect(row.missingSeeds).toEqual([4]);
    expect(row.plannedEpochs).toBe(5);
    expect(row.run?.trainer).toBe('backprop');
  });

  it('takes final values from the last epoch of completed runs only', () => {
    expect(row.final.get('test-exact-accuracy')).toMatchObject({ n: 2, mean: 0.625, min: 0.5, max: 0.75 });
    expect(row.final.get('test-exact-accuracy')!.std).toBeCloseTo(Math.SQRT2 * 0.125, 12);
    expect(row.final.get('test-bit-accuracy')).toMatchObject({ n: 2, mean: 0.875 });
    expect(row.final.get('test-loss')).toMatchObject({ n: 2, mean: 0.75 });
    expect(row.seconds).toMatchObject({ n: 2, mean: 4 });
  });

  it('reads best epoch and epochs to threshold off the mean curves of all runs', () => {
    // exact accuracy means: epoch 1 (0.25 + 0.5 + 1) / 3 = 0.583…, epoch 2 (0.5 + 0.75) / 2 = 0.625
    expect(row.bestEpoch).toBe(2);
    // bit accuracy means: epoch 1 (0.5 + 0.75 + 1) / 3 = 0.75 → reaches 75% at epoch 1
    expect(row.epochsToThreshold).toBe(1);
  });

  it('leaves final values empty when no run completed', () => {
    const failed = summariseConfiguration('a', [makeRecord('a', 1, [], { status: 'failed', reason: 'boom' })], suite, bits);
    expect(failed.final.size).toBe(0);
    expect(failed.bestEpoch).toBeUndefined();
    expect(failed.epochsToThreshold).toBeUndefined();
    expect(failed.seconds).toBeUndefined();
    expect(failed.status).toEqual({ completed: 0, diverged: 0, failed: 1, missing: 3 });
  });
});

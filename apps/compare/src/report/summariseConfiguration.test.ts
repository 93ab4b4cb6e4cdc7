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
    makeRecord('a', 1, [{ exactAccuracy: 0.25, bitAccuracy: 0.5, loss: 2, train: { bitAccuracy: 0.98 } }, { exactAccuracy: 0.5, bitAccuracy: 0.75, loss: 1, train: { bitAccuracy: 0.99 } }], { seconds: 3 }),
    makeRecord('a', 2, [{ exactAccuracy: 0.5, bitAccuracy: 0.75, loss: 1, train: { bitAccuracy: 0.99 } }, { exactAccuracy: 0.75, bitAccuracy: 1, loss: 0.5, train: { bitAccuracy: 1 } }], { seconds: 5 }),
    // diverged after one epoch, with a better first epoch than the others: out of the final values, in the curves
    makeRecord('a', 3, [{ exactAccuracy: 1, bitAccuracy: 1, loss: 0.25, train: { bitAccuracy: 0.97 } }], { status: 'diverged', seconds: 1, reason: 'NaN' }),
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
    // train bit accuracy means: epoch 1 (0.98 + 0.99 + 0.97) / 3 = 0.98, epoch 2 (0.99 + 1) / 2 → 99% at epoch 2
    expect(row.epochsToThreshold).toBe(2);
  });

  it('counts per run which reached the threshold and when, and where stopWhen stopped them', () => {
    // seed 1 reaches 0.99 train bits at epoch 2, seed 2 at epoch 1, seed 3 (0.97) never
    expect(row.thresholdRuns).toMatchObject({ reached: 2, of: 3, epochs: { n: 2, mean: 1.5, min: 1, max: 2 } });
    expect(row.epochsRun).toMatchObject({ n: 3, min: 1, max: 2 });
    expect(row.stopped).toEqual({ reached: 0, plateau: 0 });
    const stopped = summariseConfiguration(
      'a',
      [
        makeRecord('a', 1, [{ train: { bitAccuracy: 0.99 } }], { stopped: { criterion: 'reached', epoch: 0, reason: 'held' } }),
        makeRecord('a', 2, [{ train: { bitAccuracy: 0.6 } }, { train: { bitAccuracy: 0.6 } }], { stopped: { criterion: 'plateau', epoch: 1, reason: 'flat' } }),
      ],
      suite,
      bits,
    );
    expect(stopped.stopped).toEqual({ reached: 1, plateau: 1 });
    expect(stopped.thresholdRuns).toMatchObject({ reached: 1, of: 2, epochs: { n: 1, mean: 1 } });
  });

  it('chooses the best epoch on validation when the runs measured it, whatever test says', () => {
    const validated = [
      makeRecord('a', 1, [
        { exactAccuracy: 0.9, validation: { exactAccuracy: 0.5, bitAccuracy: 0.8 } },
        { exactAccuracy: 0.1, validation: { exactAccuracy: 0.6, bitAccuracy: 0.7 } },
        { exactAccuracy: 0.5, validation: { exactAccuracy: 0.6, bitAccuracy: 0.9 } },
      ]),
    ];
    const criteria = taskCriteria('binary-digits', 'validation');
    expect(criteria.ranking.map((m) => m.id)).toEqual(['validation-exact-accuracy', 'validation-bit-accuracy']);
    expect(criteria.tieBreak.id).toBe('validation-loss');
    const summary = summariseConfiguration('a', validated, suite, criteria);
    expect(summary.bestEpoch).toBe(3); // exact ties at 0.6 (epochs 2, 3): bits decide
    expect(summariseConfiguration('a', validated, suite, bits).bestEpoch).toBe(1); // the same runs chosen on test
    expect(summary.final.get('validation-bit-accuracy')).toMatchObject({ n: 1, mean: 0.9 });
  });

  it('leaves final values empty when no run completed', () => {
    const failed = summariseConfiguration('a', [makeRecord('a', 1, [], { status: 'failed', reason: 'boom' })], suite, bits);
    expect(failed.final.size).toBe(0);
    expect(failed.bestEpoch).toBeUndefined();
    expect(failed.epochsToThreshold).toBeUndefined();
    expect(failed.seconds).toBeUndefined();
    expect(failed.thresholdRuns).toEqual({ reached: 0, of: 0, epochs: undefined });
    expect(failed.status).toEqual({ completed: 0, diverged: 0, failed: 1, missing: 3 });
  });
});

// Threaded stages run the trainers' one epoch loop: records numbered from 1, `stopWhen`, and a
// resumed run that ends exactly as the uninterrupted one. The oracle is the simulated
// LockStepDniTrainer under `fit` on this thread (threaded lock-step = simulated, bit for bit).
import { TensorBackend, type Dataset, type TrainerAlgorithm } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import { createTrainer, fit, saveTrainerState, type EpochRecord, type LockStepDniTrainer } from '@synthgrad/trainers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitStages, liveStageThreads } from '../src/index.js';
import { additionData, network, testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await additionData();
});

const spec = { algorithm: 'dni' as const, network, options: { generatorInput: 'labels', stages: [2, 2] }, seed: 5 };
const strip = (r: EpochRecord) => ({ ...r, seconds: 0, trainSeconds: 0, examplesPerSecond: 0 });

function expectSameState(a: TrainerAlgorithm, b: TrainerAlgorithm) {
  const x = a.state().tensors as Record<string, Matrix>;
  const y = b.state().tensors as Record<string, Matrix>;
  expect(Object.keys(y).sort()).toEqual(Object.keys(x).sort());
  for (const name of Object.keys(x)) {
    const differing = x[name].data.findIndex((v, i) => !Object.is(v, y[name].data[i]));
    expect(differing, `${name} differs at element ${differing}`).toBe(-1);
  }
}

describe('threaded stages in the one epoch loop', () => {
  it('stop on their plateau, as the simulated stages do, with epochs numbered from 1', async () => {
    const container = testContainer();
    const stopWhen = { plateau: { metric: 'train.bitAccuracy' as const, patience: 2, minDelta: 0.01 } };
    const options = { epochs: 40, batchSize: 10, seed: 1, stopWhen };
    const simulated = fit(createTrainer(container, data, spec), data, container.get(TensorBackend), options);
    const threaded = await fitStages(container, data, spec, options);
    expect(simulated.stopped?.criterion).toBe('plateau');
    const stoppedAt = simulated.stopped!.epoch;
    expect(stoppedAt).toBeLessThan(40);
    expect(threaded.status, threaded.reason).toBe('completed');
    expect(threaded.stopped).toEqual(simulated.stopped);
    expect(threaded.position).toEqual({ epoch: stoppedAt, step: stoppedAt * 13 });
    expect(threaded.history.map((r) => r.epoch)).toEqual(Array.from({ length: stoppedAt }, (_, i) => i + 1));
    expect(threaded.history.map((r) => [r.train, r.test])).toEqual(simulated.history.map((r) => [r.train, r.test]));
    expect(liveStageThreads()).toBe(0);
  }, 180_000);

  it('resume from a saved state and end as the uninterrupted run, bit for bit', async () => {
    const container = testContainer();
    const whole = await fitStages(container, data, spec, { epochs: 5, batchSize: 10, seed: 1 });
    const first = await fitStages(container, data, spec, { epochs: 2, batchSize: 10, seed: 1 });
    expect(first.position).toEqual({ epoch: 2, step: 26 });
    const rest = await fitStages(container, data, { ...spec, seed: 99 }, {
      epochs: 5,
      batchSize: 10,
      seed: 1,
      resume: first.position,
      startFrom: saveTrainerState(first.trainer),
    });
    expect(rest.status, rest.reason).toBe('completed');
    expect(rest.history.map((r) => r.epoch)).toEqual([3, 4, 5]);
    expect([...first.history, ...rest.history].map(strip)).toEqual(whole.history.map(strip));
    expect(rest.position).toEqual(whole.position);
    expectSameState(whole.trainer, rest.trainer);
    // The oracle: the simulated stages trained 5 epochs on this thread.
    const simulated = createTrainer(container, data, spec) as LockStepDniTrainer;
    fit(simulated, data, container.get(TensorBackend), { epochs: 5, batchSize: 10, seed: 1 });
    expectSameState(simulated, rest.trainer);
    expect(liveStageThreads()).toBe(0);
  }, 180_000);

  it('refuse to resume without the state to start from', async () => {
    await expect(fitStages(testContainer(), data, spec, { epochs: 3, batchSize: 10, resume: { epoch: 1, step: 13 } })).rejects.toThrow(
      /resume: threaded stages resume from a saved state: give it as startFrom/,
    );
  });

  it('refuse to resume random update schedules, which the saved state cannot yet continue', async () => {
    const container = testContainer();
    const randomSpec = { ...spec, options: { ...spec.options, updateProbability: 0.7 } };
    const startFrom = saveTrainerState(createTrainer(container, data, randomSpec));
    await expect(fitStages(container, data, randomSpec, { epochs: 3, batchSize: 10, resume: { epoch: 1, step: 13 }, startFrom })).rejects.toThrow(
      /resume: stages with updateProbability < 1 cannot resume exactly yet/,
    );
    expect(liveStageThreads()).toBe(0);
  });
});

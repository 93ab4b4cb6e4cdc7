import { TensorBackend, type Dataset } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import type { TrainerAlgorithm } from '@synthgrad/core';
import { createTrainer, fit, tutorialNetwork, type LockStepDniTrainer } from '@synthgrad/trainers';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitStages, liveStageThreads } from '../src/index.js';
import { additionData, network, osThreads, settleThreads, testContainer } from './support.js';

let data: Dataset;
let baselineThreads: number;
beforeAll(async () => {
  data = await additionData();
  baselineThreads = osThreads();
});

function tensors(trainer: TrainerAlgorithm): Record<string, Matrix> {
  return trainer.state().tensors as Record<string, Matrix>;
}

function expectSameState(a: TrainerAlgorithm, b: TrainerAlgorithm) {
  const [x, y] = [tensors(a), tensors(b)];
  expect(Object.keys(y).sort()).toEqual(Object.keys(x).sort());
  for (const name of Object.keys(x)) {
    const differing = x[name].data.findIndex((v, i) => !Object.is(v, y[name].data[i]));
    expect(differing, `${name} differs at element ${differing}`).toBe(-1);
  }
}

describe('threaded lock-step stages', () => {
  for (const { backend, stages, updateProbability } of [
    { backend: 'cpu', stages: [2, 2], updateProbability: 1 },
    { backend: 'wasm', stages: [2, 1, 1], updateProbability: 0.7 },
  ]) {
    it(`end with the simulated LockStepDniTrainer's weights bit for bit (${backend}, stages ${JSON.stringify(stages)}, p = ${updateProbability})`, async () => {
      const container = testContainer(backend);
      const options = { generatorInput: 'labels', zeroInitGenerator: false, stages, updateProbability } as const;
      const spec = { algorithm: 'dni' as const, network, options, seed: 5 };
      const simulated = createTrainer(container, data, spec) as LockStepDniTrainer;
      const fitOptions = { epochs: 3, batchSize: 10, seed: 1 };
      const expected = fit(simulated, data, container.get(TensorBackend), fitOptions);
      const threaded = await fitStages(container, data, spec, fitOptions);
      expect(threaded.status, threaded.reason).toBe('completed');
      expectSameState(simulated, threaded.trainer);
      // Evaluation after every epoch saw the same network, and the generators learnt: the state is not the initial one.
      expect(threaded.history.map((r) => r.test.loss)).toEqual(expected.history.map((r) => r.test.loss));
      const initial = createTrainer(container, data, spec);
      for (const name of ['layer0.weights', 'layer3.weights', 'generator0.output.weights', 'generator1.output.weights']) {
        expect(tensors(initial)[name].data, name).not.toEqual(tensors(threaded.trainer)[name].data);
      }
      expect(liveStageThreads()).toBe(0);
      expect(await settleThreads(baselineThreads)).toBeLessThanOrEqual(baselineThreads);
    }, 120_000);
  }

  it('report the loss of every batch, as the simulated run does one step later', async () => {
    const container = testContainer();
    const spec = { algorithm: 'dni' as const, network, options: { generatorInput: 'labels', stages: 2 }, seed: 2 };
    const threaded: number[] = [];
    const simulated: number[] = [];
    const result = await fitStages(container, data, spec, { epochs: 2, batchSize: 10, seed: 4, onBatchEnd: (e) => (threaded[e.step - 1] = e.loss) });
    expect(result.status, result.reason).toBe('completed');
    fit(createTrainer(container, data, spec), data, container.get(TensorBackend), {
      epochs: 2,
      batchSize: 10,
      seed: 4,
      onBatchEnd: (e) => (simulated[e.step - 1] = e.loss),
    });
    expect(threaded).toHaveLength(26);
    expect(threaded.every(Number.isFinite)).toBe(true);
    // The simulated step t reports the batch that reached the last stage then: t − 1 (within an epoch; 13 batches each).
    for (let t = 0; t < 26; t++) if (t % 13 !== 0) expect(simulated[t], `step ${t}`).toBe(threaded[t - 1]);
  }, 120_000);
});

describe('threaded async stages', () => {
  it('train, and leave no thread behind', async () => {
    const container = testContainer();
    const spec = {
      algorithm: 'dni' as const,
      network: { ...tutorialNetwork(8), optimiser: 'adam', learningRate: 0.01 },
      options: { generatorInput: 'labels', generatorOptimiser: 'adam', generatorLearningRate: 0.001, stages: 2, schedule: 'async' as const },
      seed: 5,
    };
    const fitOptions = { epochs: 30, batchSize: 10, seed: 1 };
    const result = await fitStages(container, data, spec, fitOptions);
    expect(result.status, result.reason).toBe('completed');
    const lockStep = fit(createTrainer(container, data, { ...spec, options: { ...spec.options, schedule: 'lock-step' } }), data, container.get(TensorBackend), fitOptions);
    // Targets arrive when they arrive: not lock-step's numbers, but it learns about as well (lock-step: 0.998 → 0.878).
    expect(result.history[29].train.loss).toBeLessThan(0.97 * result.history[0].train.loss);
    expect(result.history[29].train.loss).toBeLessThan(1.1 * lockStep.history[29].train.loss);
    expect(liveStageThreads()).toBe(0);
    expect(await settleThreads(baselineThreads)).toBeLessThanOrEqual(baselineThreads);
  }, 120_000);
});

import { TensorBackend, TrainerAlgorithmRegistry, ConfigError, type Dataset, type TrainerAlgorithm } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { Matrix } from '@synthgrad/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, fit, tutorialNetwork, type BatchEndEvent, type EpochRecord } from '../src/index.js';
import { testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await binaryAdditionDataset.load({ bits: 8, trainSize: 200, testSize: 100, seed: 1 });
});
const backend = () => testContainer().get(TensorBackend);

/** An algorithm whose loss turns NaN at a chosen step. */
function failingAt(step: number): TrainerAlgorithm {
  let steps = 0;
  return {
    name: 'failing',
    state: () => ({ tensors: {}, rngs: {} }),
    step: () => ({ loss: steps++ === step ? Number.NaN : 1 }),
    predict: (inputs) => Matrix.zeros(inputs.rows, 8),
    loss: () => 1,
  };
}

describe('fit', () => {
  it('evaluates the validation split when there is one, without changing the training', async () => {
    const withValidation = await binaryAdditionDataset.load({ bits: 8, trainSize: 200, testSize: 100, validationSize: 80, seed: 1 });
    const run = (dataset: Dataset) =>
      fit(createTrainer(testContainer(), dataset, { algorithm: 'backprop', network: tutorialNetwork(8), seed: 3 }), dataset, backend(), {
        epochs: 3,
        batchSize: 10,
        seed: 3,
      }).history;
    const validated = run(withValidation);
    // The same training evaluated with the validation rows as its test split: the same numbers.
    const asTest = run({ ...withValidation, validation: undefined, test: withValidation.validation! });
    expect(validated.map((r) => r.validation)).toEqual(asTest.map((r) => r.test));
    expect(validated.map((r) => r.train)).toEqual(asTest.map((r) => r.train));
    expect(validated[2].validation!.bitAccuracy).not.toBe(validated[2].test.bitAccuracy);
    expect(run(data).every((r) => r.validation === undefined)).toBe(true);
  });

  it('reports a NaN loss as a diverged run and keeps the finished epochs', () => {
    const result = fit(failingAt(45), data, backend(), { epochs: 5, batchSize: 10 });
    expect(result.status).toBe('diverged');
    expect(result.reason).toBe('the loss became NaN in epoch 3, batch 6 of 20');
    expect(result.history.map((r) => r.epoch)).toEqual([1, 2]);
  });

  it('reports a blow-up of a real network as diverged, not as an exception', () => {
    const container = testContainer();
    const trainer = createTrainer(container, data, {
      algorithm: 'backprop',
      network: { layers: [{ units: 64, activation: 'identity' }, { units: 8, activation: 'identity' }], loss: 'mse', learningRate: 1e4 },
    });
    const result = fit(trainer, data, container.get(TensorBackend), { epochs: 50, batchSize: 10 });
    expect(result.status).toBe('diverged');
    expect(result.reason).toMatch(/the loss became (NaN|Infinity)|outputs stopped being finite/);
  });

  it('calls back after every batch and epoch with consistent counts', () => {
    const batches: BatchEndEvent[] = [];
    const epochs: EpochRecord[] = [];
    const trainer = createTrainer(testContainer(), data, { algorithm: 'backprop', network: tutorialNetwork(8) });
    const result = fit(trainer, data, backend(), {
      epochs: 3,
      batchSize: 64,
      onBatchEnd: (e) => batches.push(e),
      onEpochEnd: (r) => epochs.push(r),
    });
    expect(result.status).toBe('completed');
    expect(batches).toHaveLength(3 * 4); // 200 rows in batches of 64: 64, 64, 64, 8
    expect(batches.at(-1)).toMatchObject({ epoch: 2, batch: 3, batches: 4, step: 12 });
    expect(epochs).toEqual(result.history);
    const last = result.history.at(-1)!;
    expect(last.test.bitAccuracy).toBeGreaterThanOrEqual(0);
    expect(last.test.exactAccuracy).toBeLessThanOrEqual(last.test.bitAccuracy!);
  });

  it('stops with status aborted when the signal fires', () => {
    const controller = new AbortController();
    const trainer = createTrainer(testContainer(), data, { algorithm: 'backprop', network: tutorialNetwork(8) });
    const result = fit(trainer, data, backend(), {
      epochs: 10,
      batchSize: 10,
      signal: controller.signal,
      onEpochEnd: (r) => r.epoch === 2 && controller.abort(),
    });
    expect(result.status).toBe('aborted');
    expect(result.history).toHaveLength(2);
  });

  it('learns binary addition with backprop: training sums far above chance', async () => {
    // 5-bit sums: chance is 0.5 per bit and 1/32 per exact sum.
    const small = await binaryAdditionDataset.load({ bits: 5, trainSize: 100, testSize: 100, seed: 1 });
    const trainer = createTrainer(testContainer(), small, {
      algorithm: 'backprop',
      network: { ...tutorialNetwork(5), learningRate: 0.5 },
      seed: 1,
    });
    const result = fit(trainer, small, backend(), { epochs: 100, batchSize: 10 });
    const first = result.history[0].train;
    const last = result.history.at(-1)!.train;
    expect(first.bitAccuracy!).toBeLessThan(0.6);
    expect(last.bitAccuracy!).toBeGreaterThan(0.75);
    expect(last.exactAccuracy!).toBeGreaterThan(0.2);
    expect(last.loss).toBeLessThan(first.loss);
  });

  it('rejects bad sizes and unknown trainers, naming them', () => {
    const trainer = createTrainer(testContainer(), data, { algorithm: 'backprop', network: tutorialNetwork(8) });
    expect(() => fit(trainer, data, backend(), { epochs: 1, batchSize: 0 })).toThrow(ConfigError);
    expect(() => fit(trainer, data, backend(), { epochs: 1.5, batchSize: 10 })).toThrow('epochs: expected a non-negative integer, got 1.5');
    expect(() => testContainer().get(TrainerAlgorithmRegistry).get('backpropagation')).toThrow(
      'unknown trainer "backpropagation"; known: "backprop", "direct-feedback-alignment", "dni", "feedback-alignment", "last-layer-only"',
    );
    expect(() =>
      createTrainer(testContainer(), data, { algorithm: 'backprop', network: tutorialNetwork(12) }),
    ).toThrow('network.layers[2].units: the output layer has 12 units but the labels have 8 columns');
  });
});

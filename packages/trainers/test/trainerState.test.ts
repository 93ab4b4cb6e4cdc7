import { TensorBackend, type Batch, type Dataset, type TrainerAlgorithm } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import type { NetworkSpec } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, loadTrainerState, saveTrainerState, type TrainerSpec } from '../src/index.js';
import { testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await binaryAdditionDataset.load({ bits: 5, trainSize: 120, testSize: 40, seed: 2 });
});

const network = (optimiser: string): NetworkSpec => ({
  layers: [{ units: 12, batchNorm: true }, { units: 10 }, { units: 5 }],
  optimiser,
  learningRate: 0.05,
});

/** Trainers whose state covers every kind: Adam moments and step counts, momentum, batch-norm statistics, a random schedule. */
const specs: Record<string, Omit<TrainerSpec, 'seed'>> = {
  backprop: { algorithm: 'backprop', network: network('adam') },
  dni: {
    algorithm: 'dni',
    network: network('momentum'),
    options: {
      generatorInput: ['labels', 'batch-normalized-output'],
      generatorHiddenSizes: [6],
      generatorOptimiser: 'adam',
      updateProbability: 0.6,
      lastLayer: 'synthetic',
      zeroInitGenerator: false,
    },
  },
  /** How the generators learn: their own optimiser and schedule, normalised LMS, a warm-up that ends between save and load. */
  'dni-generator-learning': {
    algorithm: 'dni',
    network: network('momentum'),
    options: {
      generatorInput: ['labels', 'batch-normalized-output'],
      generatorHiddenSizes: [6],
      generatorOptimiser: 'rmsprop',
      generatorLearningRate: '0.01 * 0.5 ^ floor(step / 4)',
      generatorStep: 'nlms',
      generatorLoss: 'mean',
      generatorWarmupSteps: 8,
      updateProbability: 0.6,
      lastLayer: 'synthetic',
      zeroInitGenerator: false,
    },
  },
  'feedback-alignment': { algorithm: 'feedback-alignment', network: network('rmsprop') },
  'direct-feedback-alignment': { algorithm: 'direct-feedback-alignment', network: network('adam') },
  'last-layer-only': { algorithm: 'last-layer-only', network: network('momentum') },
};

function batches(count: number, from = 0): Batch[] {
  const backend = testContainer().get(TensorBackend);
  return Array.from({ length: count }, (_, k) => {
    const rows = Int32Array.from({ length: 10 }, (_, r) => ((from + k) * 10 + r) % data.train.inputs.rows);
    return { inputs: backend.gatherRows(data.train.inputs, rows), labels: backend.gatherRows(data.train.labels, rows) };
  });
}

function train(trainer: TrainerAlgorithm, list: readonly Batch[], firstStep: number): void {
  list.forEach((batch, k) => trainer.step(batch, { epoch: 0, step: firstStep + k }));
}

function bits(m: Matrix): string {
  return Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength).toString('hex');
}

describe.each(Object.keys(specs))('saved %s trainer', (name) => {
  const make = (seed: number) => createTrainer(testContainer(), data, { ...specs[name], seed });

  it('loads into a fresh trainer that predicts the same, bit for bit', () => {
    const trained = make(1);
    train(trained, batches(7), 0);
    const fresh = make(2);
    expect(bits(fresh.predict(data.test.inputs))).not.toBe(bits(trained.predict(data.test.inputs)));
    loadTrainerState(fresh, saveTrainerState(trained));
    expect(bits(fresh.predict(data.test.inputs))).toBe(bits(trained.predict(data.test.inputs)));
  });

  it('trains n steps, saves, loads, trains m more: the same as n + m uninterrupted, bit for bit', () => {
    const [n, m] = [6, 9];
    const uninterrupted = make(1);
    train(uninterrupted, batches(n + m), 0);

    const first = make(1);
    train(first, batches(n), 0);
    const saved = saveTrainerState(first);
    train(first, batches(3, 50), n); // the saved copy must not follow the original afterwards
    const resumed = make(3);
    loadTrainerState(resumed, saved);
    train(resumed, batches(m, n), n);

    const a = uninterrupted.state().tensors;
    const b = resumed.state().tensors;
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const key of Object.keys(a)) expect(bits(b[key]), key).toBe(bits(a[key]));
    expect(bits(resumed.predict(data.test.inputs))).toBe(bits(uninterrupted.predict(data.test.inputs)));
  });

  it('names every kind of state it keeps', () => {
    const names = Object.keys(saveTrainerState(make(1)).tensors);
    expect(names).toContain('layer0.dense.weights');
    expect(names).toContain('layer0.batchNorm.runningMean');
    if (name.includes('feedback-alignment')) {
      // One fixed matrix per layer below the output: all three for FA, the two hidden layers for DFA.
      expect(names).toEqual(expect.arrayContaining(['feedback0', 'feedback1', ...(name === 'feedback-alignment' ? ['feedback2'] : [])]));
      if (name === 'feedback-alignment') expect(names).toContain('layer1.weights.v');
    } else if (name === 'last-layer-only') {
      expect(names).toContain('layer1.weights.velocity');
    } else if (name === 'dni-generator-learning') {
      expect(names).toEqual(
        expect.arrayContaining(['warmup.taken', 'generator0.hidden0.weights.v', 'generator2.output.bias.v', 'rng.updateSchedule']),
      );
    } else if (name === 'backprop') {
      expect(names).toEqual(expect.arrayContaining(['layer0.dense.weights.m', 'layer0.dense.weights.v', 'layer0.dense.weights.t']));
    } else {
      expect(names).toEqual(
        expect.arrayContaining([
          'layer1.weights.velocity',
          'generator0.hidden0.weights.m',
          'generator0.hidden0.runningVariance',
          'generatorInput0.1.runningMean',
          'rng.updateSchedule',
        ]),
      );
    }
  });
});

describe('loadTrainerState', () => {
  const make = (spec: Omit<TrainerSpec, 'seed'>) => createTrainer(testContainer(), data, { ...spec, seed: 0 });

  it('refuses another algorithm, another shape, missing and unknown tensors, naming them, and writes nothing', () => {
    const target = make(specs.backprop);
    const before = bits(target.state().tensors['layer1.weights']);
    const saved = saveTrainerState(make(specs.backprop));
    expect(() => loadTrainerState(target, saveTrainerState(make(specs.dni)))).toThrow(
      'the saved trainer is "dni" but this one is "backprop"',
    );
    const { 'layer2.bias': _dropped, ...fewer } = saved.tensors;
    expect(() => loadTrainerState(target, { ...saved, tensors: fewer })).toThrow('missing "layer2.bias"');
    expect(() => loadTrainerState(target, { ...saved, tensors: { ...saved.tensors, extra: new Matrix(1, 1) } })).toThrow(
      'unexpected "extra"',
    );
    const reshaped = { ...saved.tensors, 'layer2.bias': new Matrix(2, 5) };
    expect(() => loadTrainerState(target, { ...saved, tensors: reshaped })).toThrow(
      '"layer2.bias" is 2×5 in the saved trainer but 1×5 here',
    );
    expect(bits(target.state().tensors['layer1.weights'])).toBe(before);
  });

  it('refuses a broken random stream before writing anything', () => {
    const target = make(specs.dni);
    const saved = saveTrainerState(target);
    const broken = { ...saved.tensors, 'rng.updateSchedule': Matrix.fromArray([[0, 0, 0, 0, 0, 0]]) };
    expect(() => loadTrainerState(target, { ...saved, tensors: broken })).toThrow('"rng.updateSchedule": Rng.restoreState: the all-zero state');
  });

  it('keeps NaN and ±Infinity', () => {
    const trainer = make(specs.backprop);
    trainer.state().tensors['layer2.bias'].data.set([Number.NaN, Infinity, -Infinity, -0, 5e-324]);
    const fresh = make(specs.backprop);
    loadTrainerState(fresh, saveTrainerState(trainer));
    expect(bits(fresh.state().tensors['layer2.bias'])).toBe(bits(trainer.state().tensors['layer2.bias']));
  });
});

import { TensorBackend, type Dataset, type NetworkSpec } from '@synthgrad/core';
import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { createTrainer, fit, type BackpropTrainer, type DniTrainer } from '../src/index.js';
import { testContainer } from './support.js';

/** Three Gaussian blobs in 6 dimensions: a classification task any working MLP learns. */
function blobs(n: number, seed: number): Dataset['train'] {
  const rng = new Rng(seed);
  const centres = [0, 1, 2].map(() => Array.from({ length: 6 }, () => rng.normal(0, 2)));
  const inputs = Matrix.zeros(n, 6);
  const labels = Matrix.zeros(n, 3);
  for (let r = 0; r < n; r++) {
    const k = r % 3;
    for (let c = 0; c < 6; c++) inputs.set(r, c, centres[k][c] + rng.normal(0, 0.7));
    labels.set(r, k, 1);
  }
  return { inputs, labels };
}

const data: Dataset = { name: 'blobs', task: 'classification', inputSize: 6, labelSize: 3, train: blobs(300, 1), test: blobs(150, 1) };

/** The paper's MLP shape in miniature: hidden linear → batch norm → ReLU, softmax cross-entropy, Adam. */
const network: NetworkSpec = {
  layers: [
    { units: 16, activation: 'relu', batchNorm: true },
    { units: 16, activation: 'relu', batchNorm: true },
    { units: 3, activation: 'identity' },
  ],
  loss: 'softmax-cross-entropy',
  initialiser: 'he-normal',
  optimiser: 'adam',
  learningRate: '0.01 * 0.5 ^ floor(epoch / 10)',
};

describe('batch-normalised ReLU networks (the paper setup, small)', () => {
  it('back-propagates the gradient finite differences give, through batch norm', () => {
    const container = testContainer();
    const trainer = createTrainer(container, data, { algorithm: 'backprop', network, seed: 3 }) as BackpropTrainer;
    const net = trainer.network;
    const x = new Matrix(8, 6, data.train.inputs.data.slice(0, 48));
    const y = new Matrix(8, 3, data.train.labels.data.slice(0, 24));
    const lossAt = () => net.loss.value(net.forward(x, true), y);
    const out = net.forward(x, true);
    net.backward(net.loss.gradient(out, y));
    const h = 1e-6;
    let checked = 0;
    for (const p of net.parameters()) {
      const analytic = p.grad.clone();
      for (const i of [0, Math.floor(p.value.size / 2), p.value.size - 1]) {
        const saved = p.value.data[i];
        p.value.data[i] = saved + h;
        const plus = lossAt();
        p.value.data[i] = saved - h;
        const minus = lossAt();
        p.value.data[i] = saved;
        const numeric = (plus - minus) / (2 * h);
        expect(Math.abs(numeric - analytic.data[i])).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3 * 7); // weights, gamma, beta of two blocks + output weights, bias
  });

  it('backprop, DNI and cDNI with hidden-layer generators all learn it', () => {
    const container = testContainer();
    const backend = container.get(TensorBackend);
    const configs = [
      { algorithm: 'backprop' },
      { algorithm: 'dni', options: { generatorHiddenSizes: [16], generatorOptimiser: 'adam', generatorLearningRate: 0.001 } },
      {
        algorithm: 'dni',
        options: { generatorInput: ['layer-output', 'labels'], generatorHiddenSizes: [16, 16], generatorOptimiser: 'adam', generatorLearningRate: 0.001 },
      },
    ];
    for (const config of configs) {
      const trainer = createTrainer(container, data, { ...config, network, seed: 4 });
      const result = fit(trainer, data, backend, { epochs: 15, batchSize: 32, measureGradients: config.algorithm === 'dni' });
      expect(result.status).toBe('completed');
      expect(result.history.at(-1)!.test.accuracy!).toBeGreaterThan(0.9);
      if (config.algorithm === 'dni') expect((trainer as DniTrainer).decoupled[0].synthesis!.generator.layers.length).toBeGreaterThan(1);
    }
  });
});

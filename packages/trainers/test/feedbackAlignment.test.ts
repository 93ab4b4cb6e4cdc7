import { TensorBackend, type Dataset, type NetworkSpec } from '@synthgrad/core';
import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import {
  createTrainer,
  type BackpropTrainer,
  fit,
  type DirectFeedbackAlignmentTrainer,
  type FeedbackAlignmentTrainer,
  type LastLayerOnlyTrainer,
  type TrainerSpec,
} from '../src/index.js';
import { maxAbsDiff, testContainer } from './support.js';

/** Three Gaussian blobs in 6 dimensions, one-hot labels: a small task every rule should learn. */
function blobs(n: number, seed: number): Dataset['train'] {
  const rng = new Rng(seed);
  const centres = [0, 1, 2].map(() => Array.from({ length: 6 }, () => 2 * rng.normal()));
  const inputs = new Matrix(n, 6);
  const labels = new Matrix(n, 3);
  for (let r = 0; r < n; r++) {
    const c = r % 3;
    for (let j = 0; j < 6; j++) inputs.data[r * 6 + j] = centres[c][j] + rng.normal();
    labels.data[r * 3 + c] = 1;
  }
  return { inputs, labels };
}
const data: Dataset = {
  name: 'blobs',
  task: 'classification',
  inputSize: 6,
  labelSize: 3,
  train: blobs(150, 1),
  test: blobs(150, 1),
};

const network = (batchNorm = false): NetworkSpec => ({
  layers: [
    { units: 16, activation: 'tanh', batchNorm },
    { units: 12, activation: 'tanh', batchNorm },
    { units: 3, activation: 'identity' },
  ],
  loss: 'softmax-cross-entropy',
  initialiser: 'glorot-uniform',
  optimiser: 'sgd',
  learningRate: 0.05,
});

const container = testContainer();
const backend = container.get(TensorBackend);
const trainer = (algorithm: string, batchNorm = false, options?: object) =>
  createTrainer(container, data, { algorithm, network: network(batchNorm), seed: 4, options } as TrainerSpec) as BackpropTrainer;

function parameters(t: { network: { parameters(): { value: Matrix }[] } }): Matrix[] {
  return t.network.parameters().map((p) => p.value.clone());
}

describe('backprop-free trainers', () => {
  it.each([
    ['backprop', false],
    ['feedback-alignment', false],
    ['feedback-alignment', true],
    ['direct-feedback-alignment', false],
    ['direct-feedback-alignment', true],
    ['last-layer-only', false],
  ] as const)('%s (batch norm %s) learns three blobs', (algorithm, batchNorm) => {
    const t = trainer(algorithm, batchNorm);
    const result = fit(t, data, backend, { epochs: 20, batchSize: 10, seed: 1 });
    expect(result.status).toBe('completed');
    const first = result.history[0].trainLoss;
    const last = result.history.at(-1)!;
    expect(last.trainLoss).toBeLessThan(0.5 * first);
    expect(last.test.accuracy!).toBeGreaterThan(0.9);
  });

  it('feedback alignment with Bᵢ = Wᵢ at every step equals backprop step for step', () => {
    for (const batchNorm of [false, true]) {
      const fa = trainer('feedback-alignment', batchNorm) as unknown as FeedbackAlignmentTrainer;
      const bp = trainer('backprop', batchNorm) as BackpropTrainer;
      const wa = fa.network.parameters();
      const wb = bp.network.parameters();
      wa.forEach((p, i) => expect(maxAbsDiff(p.value, wb[i].value)).toBe(0)); // same seed, same start
      const weightsOfFa = fa.network.parameters().filter((p) => p.name.endsWith('weights'));
      for (let s = 0; s < 15; s++) {
        fa.feedback.forEach((b, i) => b.copyFrom(weightsOfFa[i].value));
        const rows = [s % 150, (s * 7 + 3) % 150, (s * 11 + 5) % 150];
        const batch = {
          inputs: Matrix.fromRows(rows.map((r) => data.train.inputs.row(r))),
          labels: Matrix.fromRows(rows.map((r) => data.train.labels.row(r))),
        };
        fa.step(batch, { epoch: 0, step: s });
        bp.step(batch, { epoch: 0, step: s });
      }
      wa.forEach((p, i) => expect(maxAbsDiff(p.value, wb[i].value), p.name).toBe(0));
      // and the run did move the weights
      expect(maxAbsDiff(wa[0].value, parameters(trainer('backprop', batchNorm))[0])).toBeGreaterThan(1e-3);
    }
  });

  it('feedback alignment with its random matrices differs from backprop, and they never change', () => {
    const fa = trainer('feedback-alignment') as unknown as FeedbackAlignmentTrainer;
    const bp = trainer('backprop');
    const initial = fa.feedback.map((b) => b.clone());
    expect(fa.feedback.map((b) => [b.rows, b.cols])).toEqual([[6, 16], [16, 12], [12, 3]]);
    fit(fa, data, backend, { epochs: 3, batchSize: 10, seed: 1 });
    fit(bp, data, backend, { epochs: 3, batchSize: 10, seed: 1 });
    fa.feedback.forEach((b, i) => expect(maxAbsDiff(b, initial[i])).toBe(0));
    // the first layer's weights received an error through B, not Wᵀ
    expect(maxAbsDiff(fa.network.parameters()[0].value, bp.network.parameters()[0].value)).toBeGreaterThan(1e-3);
  });

  it('direct feedback alignment sends e·Bᵢ to each hidden layer; its matrices never change', () => {
    const dfa = trainer('direct-feedback-alignment') as unknown as DirectFeedbackAlignmentTrainer;
    expect(dfa.feedback.map((b) => [b.rows, b.cols])).toEqual([[3, 16], [3, 12]]);
    const initial = dfa.feedback.map((b) => b.clone());
    // By hand, one step of SGD on a batch: the first layer's weight gradient is xᵀ·((e·B₀) ⊙ tanh′(z₀)).
    const batch = { inputs: Matrix.fromRows([0, 1, 2, 3].map((r) => data.train.inputs.row(r))), labels: Matrix.fromRows([0, 1, 2, 3].map((r) => data.train.labels.row(r))) };
    const [w0, b0, w1, b1, w2, b2] = parameters(dfa);
    const h0 = backend.tanh(backend.addRowVector(backend.matmul(batch.inputs, w0), b0));
    const h1 = backend.tanh(backend.addRowVector(backend.matmul(h0, w1), b1));
    const logits = backend.addRowVector(backend.matmul(h1, w2), b2);
    const e = dfa.network.loss.gradient(logits, batch.labels).clone();
    const tanhPrime = (h: Matrix) => backend.map(h, (v) => 1 - v * v);
    const dz0 = backend.mul(backend.matmul(e, initial[0]), tanhPrime(h0));
    const expectedW0 = backend.addScaled(w0, backend.matmul(batch.inputs, dz0, { transposeA: true }), -0.05);
    const dz1 = backend.mul(backend.matmul(e, initial[1]), tanhPrime(h1));
    const expectedW1 = backend.addScaled(w1, backend.matmul(h0, dz1, { transposeA: true }), -0.05);
    const expectedW2 = backend.addScaled(w2, backend.matmul(h1, e, { transposeA: true }), -0.05);
    dfa.step(batch, { epoch: 0, step: 0 });
    const [aw0, , aw1, , aw2] = dfa.network.parameters().map((p) => p.value);
    expect(maxAbsDiff(aw0, expectedW0)).toBeLessThan(1e-12);
    expect(maxAbsDiff(aw1, expectedW1)).toBeLessThan(1e-12);
    expect(maxAbsDiff(aw2, expectedW2)).toBeLessThan(1e-12);
    expect(maxAbsDiff(aw0, w0)).toBeGreaterThan(1e-6);
    fit(dfa, data, backend, { epochs: 3, batchSize: 10, seed: 1 });
    dfa.feedback.forEach((b, i) => expect(maxAbsDiff(b, initial[i])).toBe(0));
  });

  it('last-layer-only keeps every hidden parameter at its initial value', () => {
    for (const batchNorm of [false, true]) {
      const t = trainer('last-layer-only', batchNorm) as unknown as LastLayerOnlyTrainer;
      const before = t.network.parameters().map((p) => ({ name: p.name, value: p.value.clone() }));
      fit(t, data, backend, { epochs: 3, batchSize: 10, seed: 1 });
      const after = t.network.parameters();
      const outputLayer = `layer${t.network.layers.length - 1}.`;
      before.forEach((p, i) => {
        const moved = maxAbsDiff(p.value, after[i].value);
        if (p.name.startsWith(outputLayer)) expect(moved, p.name).toBeGreaterThan(1e-3);
        else expect(moved, p.name).toBe(0);
      });
    }
  });

  it('refuses unknown options, naming the known ones', () => {
    expect(() => trainer('feedback-alignment', false, { feedbackInit: 'zeros' })).toThrow(
      'unknown option "feedbackInit"; known: "feedbackInitialiser"',
    );
    expect(() => trainer('last-layer-only', false, { lr: 1 })).toThrow('it takes no options');
    expect(() => trainer('direct-feedback-alignment', false, { feedbackInitialiser: 'nope' })).toThrow('nope');
  });
});

import { ConfigError, TensorBackend, type Dataset } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import type { Dense } from '@synthgrad/layers';
import { Matrix } from '@synthgrad/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, tutorialNetwork, type DniTrainer } from '../src/index.js';
import { maxAbsDiff, testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await binaryAdditionDataset.load({ bits: 8, trainSize: 60, testSize: 20, seed: 3 });
});

const container = testContainer();
const backend = container.get(TensorBackend);
const twoLayers = { ...tutorialNetwork(8), layers: [{ units: 16, bias: false }, { units: 8, bias: false }] };
const cdni = { generatorInput: 'labels', zeroInitGenerator: false };

function dni(options: object, network: object = twoLayers, seed = 5): DniTrainer {
  return createTrainer(container, data, { algorithm: 'dni', network: network as typeof twoLayers, options, seed }) as DniTrainer;
}

function batch(k: number) {
  const rows = Int32Array.from({ length: 10 }, (_, r) => (k * 10 + r) % data.train.inputs.rows);
  return { inputs: backend.gatherRows(data.train.inputs, rows), labels: backend.gatherRows(data.train.labels, rows) };
}

/**
 * On `twoLayers` with cDNI (features = labels y), the error ĝ − target of generator 0 for one step,
 * computed by hand from the weights before it: ĝ = y·Gw + Gb, target = layer 1's backward of the
 * loss gradient out − y with its weights before it moves.
 */
function generatorError(trainer: DniTrainer, x: Matrix, y: Matrix, gw: Matrix, gb: Matrix): Matrix {
  const [w0, w1] = trainer.decoupled.map((d) => (d.layer as Dense).weights);
  const h0 = backend.sigmoid(backend.matmul(x, w0));
  const out = backend.sigmoid(backend.matmul(h0, w1));
  const target = backend.matmul(backend.sigmoidBackward(backend.sub(out, y), out), w1, { transposeB: true });
  return backend.sub(backend.addRowVector(backend.matmul(y, gw), gb), target);
}

/** Row b of `m` times factor[b]. */
function scaleRows(m: Matrix, factors: readonly number[]): Matrix {
  const out = m.clone();
  for (let b = 0; b < m.rows; b++) for (let j = 0; j < m.cols; j++) out.data[b * m.cols + j] *= factors[b];
  return out;
}

describe('dni generatorStep "nlms"', () => {
  it('steps the generator by its error divided by ε + ‖y_b‖² + 1 per example (two steps by hand)', () => {
    const [rate, epsilon] = [0.3, 0.5];
    const trainer = dni({ ...cdni, generatorStep: 'nlms', generatorNlmsEpsilon: epsilon, generatorLearningRate: rate });
    const generator = trainer.decoupled[0].synthesis!.generator;
    for (let k = 0; k < 2; k++) {
      const { inputs: x, labels: y } = batch(k);
      const [gw, gb] = generator.parameters().map((p) => p.value.clone());
      const error = generatorError(trainer, x, y, gw, gb);
      const norms = Array.from({ length: y.rows }, (_, b) => {
        let s = epsilon + 1;
        for (let j = 0; j < y.cols; j++) s += y.get(b, j) ** 2;
        return 1 / s;
      });
      const normalised = scaleRows(error, norms);
      trainer.step({ inputs: x, labels: y }, { epoch: 0, step: k });
      const [gwAfter, gbAfter] = generator.parameters().map((p) => p.value);
      expect(maxAbsDiff(gwAfter, backend.addScaled(gw, backend.matmul(y, normalised, { transposeA: true }), -rate))).toBeLessThan(1e-12);
      expect(maxAbsDiff(gbAfter, backend.addScaled(gb, backend.sumColumns(normalised), -rate))).toBeLessThan(1e-12);
      // the plain gradient step would differ: the comparison can fail
      const plain = backend.addScaled(gw, backend.matmul(y, error, { transposeA: true }), -rate);
      expect(maxAbsDiff(gwAfter, plain)).toBeGreaterThan(1e-3);
    }
  });

  it('works with simulated stages and every generator, the last layer\'s too', () => {
    const trainer = dni({ ...cdni, generatorStep: 'nlms', lastLayer: 'synthetic', stages: 2 }, tutorialNetwork(8));
    for (let k = 0; k < 5; k++) expect(Number.isFinite(trainer.step(batch(k), { epoch: 0, step: k }).loss)).toBe(true);
  });

  it('refuses an unknown step, a bad ε, and ε without "nlms", naming the option', () => {
    expect(() => dni({ generatorStep: 'lms' })).toThrow(ConfigError);
    expect(() => dni({ generatorStep: 'lms' })).toThrow(/dni\.generatorStep: expected "gradient" or "nlms", got "lms"/);
    expect(() => dni({ generatorStep: 'nlms', generatorNlmsEpsilon: -1 })).toThrow(/dni\.generatorNlmsEpsilon: expected a finite number ≥ 0, got -1/);
    expect(() => dni({ generatorNlmsEpsilon: 0.1 })).toThrow(/dni\.generatorNlmsEpsilon: only used with generatorStep "nlms"/);
  });
});

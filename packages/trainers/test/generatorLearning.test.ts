import { ConfigError, TensorBackend, type Dataset } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { OptimiserRegistry, type Dense } from '@synthgrad/layers';
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

describe('dni generatorOptimiser and generatorLearningRate: the generators\' own optimiser and schedule', () => {
  const optimisers = container.get(OptimiserRegistry);
  /** Each generator optimiser beside a different layers' optimiser, so the two cannot be confused. */
  const cases = [
    { label: 'sgd', generator: 'sgd', layers: 'momentum' },
    { label: 'momentum 0.5', generator: { name: 'momentum', options: { momentum: 0.5 } }, layers: 'sgd' },
    { label: 'adam', generator: 'adam', layers: 'sgd' },
    { label: 'adam with options', generator: { name: 'adam', options: { beta1: 0.8, beta2: 0.99, epsilon: 1e-6 } }, layers: 'rmsprop' },
    { label: 'rmsprop', generator: 'rmsprop', layers: 'adam' },
  ] as const;

  it.each(cases)('$label with layers on $layers: each generator step is the layers package\'s optimiser applied by hand', ({ generator: spec, layers }) => {
    const rate = '0.02 * 0.5 ^ floor(step / 2)';
    const trainer = dni({ ...cdni, generatorOptimiser: spec, generatorLearningRate: rate }, { ...twoLayers, optimiser: layers, learningRate: 0.1 });
    const generator = trainer.decoupled[0].synthesis!.generator;
    const { name, options } = typeof spec === 'string' ? { name: spec, options: undefined } : spec;
    const byHand = optimisers.get(name).create(backend, options);
    const [gw, gb] = generator.parameters().map((p) => p.value.clone());
    const [gwUpdater, gbUpdater] = [byHand.attach(gw), byHand.attach(gb)];
    for (let k = 0; k < 5; k++) {
      const { inputs: x, labels: y } = batch(k);
      const error = generatorError(trainer, x, y, gw, gb);
      trainer.step({ inputs: x, labels: y }, { epoch: 0, step: k });
      const r = 0.02 * 0.5 ** Math.floor(k / 2);
      gwUpdater.step(backend.matmul(y, error, { transposeA: true }), r);
      gbUpdater.step(backend.sumColumns(error), r);
      const [gwAfter, gbAfter] = generator.parameters().map((p) => p.value);
      expect(maxAbsDiff(gwAfter, gw), `weights after step ${k}`).toBeLessThan(1e-12);
      expect(maxAbsDiff(gbAfter, gb), `bias after step ${k}`).toBeLessThan(1e-12);
    }
    // the layers' own optimiser state is theirs: the generator's optimiser state is under generator0
    const state = Object.keys(trainer.state().tensors);
    const stateNames = Object.keys(gwUpdater.state()).map((n) => `generator0.output.weights.${n}`);
    for (const n of stateNames) expect(state).toContain(n);
  });

  it('the schedule changes the generators\' rate when it says, and only theirs', () => {
    // 0.05 for steps 0–2, then 0 from step 3: the generators stop, the layers go on at 0.1
    const trainer = dni({ ...cdni, generatorLearningRate: 'step < 3 ? 0.05 : 0' });
    const generator = trainer.decoupled[0].synthesis!.generator;
    const gwOf = () => generator.parameters()[0].value.clone();
    const w0Of = () => (trainer.decoupled[0].layer as Dense).weights.clone();
    let [gw, w0] = [gwOf(), w0Of()];
    for (let k = 0; k < 6; k++) {
      trainer.step(batch(k), { epoch: Math.floor(k / 3), step: k });
      const [gwNext, w0Next] = [gwOf(), w0Of()];
      if (k < 3) expect(maxAbsDiff(gwNext, gw), `generator at step ${k}`).toBeGreaterThan(1e-6);
      else expect(maxAbsDiff(gwNext, gw), `generator at step ${k}`).toBe(0);
      expect(maxAbsDiff(w0Next, w0), `layer 0 at step ${k}`).toBeGreaterThan(1e-9);
      [gw, w0] = [gwNext, w0Next];
    }
  });

  it('a schedule of epoch is read at the epoch the step reports', () => {
    const trainer = dni({ ...cdni, generatorLearningRate: '0.03 / (1 + epoch)' });
    const generator = trainer.decoupled[0].synthesis!.generator;
    const [gw, gb] = generator.parameters().map((p) => p.value.clone());
    const { inputs: x, labels: y } = batch(0);
    const error = generatorError(trainer, x, y, gw, gb);
    trainer.step({ inputs: x, labels: y }, { epoch: 2, step: 40 });
    const expected = backend.addScaled(gw, backend.matmul(y, error, { transposeA: true }), -0.01);
    expect(maxAbsDiff(generator.parameters()[0].value, expected)).toBeLessThan(1e-12);
  });

  it('refuses an unknown optimiser and a bad schedule, naming them', () => {
    expect(() => dni({ generatorOptimiser: 'adagrad' })).toThrow(/adagrad/);
    expect(() => dni({ generatorLearningRate: -1 })).toThrow(/dni\.generatorLearningRate: expected a finite, non-negative number, got -1/);
    expect(() => dni({ generatorLearningRate: 'lr * 2' })).toThrow(/dni\.generatorLearningRate/);
  });
});

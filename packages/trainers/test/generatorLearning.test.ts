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

describe('dni generatorWarmupSteps: the generators learn from back-propagated true gradients first', () => {
  const threeLayers = { ...tutorialNetwork(8), layers: [{ units: 12, bias: false }, { units: 10, bias: false }, { units: 8, bias: false }] };
  const warm = { ...cdni, lastLayer: 'synthetic', generatorLearningRate: 0.02 };
  const backprop = () => createTrainer(container, data, { algorithm: 'backprop', network: threeLayers, seed: 5 });
  const layerWeights = (t: DniTrainer) => t.decoupled.map((d) => (d.layer as Dense).weights);

  /** The true gradients dLoss/dh_i at every layer output, by hand from the weights before the step. */
  function trueGradients(trainer: DniTrainer, x: Matrix, y: Matrix): Matrix[] {
    const [w0, w1, w2] = layerWeights(trainer);
    const h0 = backend.sigmoid(backend.matmul(x, w0));
    const h1 = backend.sigmoid(backend.matmul(h0, w1));
    const out = backend.sigmoid(backend.matmul(h1, w2));
    const g2 = backend.sub(out, y);
    const g1 = backend.matmul(backend.sigmoidBackward(g2, out), w2, { transposeB: true });
    const g0 = backend.matmul(backend.sigmoidBackward(g1, h1), w1, { transposeB: true });
    return [g0, g1, g2];
  }

  /** Each generator's parameters after one SGD step toward `targets`, by hand (features: the labels). */
  function generatorsAfter(trainer: DniTrainer, y: Matrix, targets: readonly Matrix[], rate: number): Matrix[] {
    return trainer.decoupled.flatMap((d, i) => {
      if (d.synthesis === null) return [];
      const [gw, gb] = d.synthesis.generator.parameters().map((p) => p.value);
      const error = backend.sub(backend.addRowVector(backend.matmul(y, gw), gb), targets[i]);
      return [backend.addScaled(gw, backend.matmul(y, error, { transposeA: true }), -rate), backend.addScaled(gb, backend.sumColumns(error), -rate)];
    });
  }
  const generatorParameters = (t: DniTrainer) => t.decoupled.flatMap((d) => d.synthesis?.generator.parameters().map((p) => p.value) ?? []);

  it.each([
    { updateProbability: 1, lastLayer: 'synthetic' },
    { updateProbability: 0.5, lastLayer: 'synthetic' },
    { updateProbability: 1, lastLayer: 'true-gradient' },
  ])(
    'for k steps the layers step as backprop, bit for bit, and each generator toward its true gradient (p $updateProbability, last layer $lastLayer)',
    ({ updateProbability, lastLayer }) => {
      const k = 3;
      const trainer = dni({ ...warm, generatorWarmupSteps: k, updateProbability, lastLayer }, threeLayers);
      expect(generatorParameters(trainer).length).toBe(lastLayer === 'synthetic' ? 6 : 4);
      const bp = backprop();
      for (let s = 0; s < k; s++) {
        const { inputs: x, labels: y } = batch(s);
        const expected = generatorsAfter(trainer, y, trueGradients(trainer, x, y), 0.02);
        const loss = trainer.step({ inputs: x, labels: y }, { epoch: 0, step: s }).loss;
        expect(loss).toBe(bp.step({ inputs: x, labels: y }, { epoch: 0, step: s }).loss);
        const bpWeights = Object.values(bp.state().tensors);
        layerWeights(trainer).forEach((w, i) => expect(maxAbsDiff(w, bpWeights[i]), `layer ${i} at step ${s}`).toBe(0));
        generatorParameters(trainer).forEach((p, i) => expect(maxAbsDiff(p, expected[i]), `generator parameter ${i} at step ${s}`).toBeLessThan(1e-12));
        expect(trainer.state().tensors['warmup.taken'].data[0]).toBe(s + 1);
      }
      // step k is dni: the layers leave backprop's path (the comparison above can fail)
      const { inputs: x, labels: y } = batch(k);
      trainer.step({ inputs: x, labels: y }, { epoch: 0, step: k });
      bp.step({ inputs: x, labels: y }, { epoch: 0, step: k });
      expect(maxAbsDiff(layerWeights(trainer)[0], Object.values(bp.state().tensors)[0])).toBeGreaterThan(1e-9);
    },
  );

  it('with generatorWarmupLayers "frozen" the layers keep their weights while the generators learn the same way', () => {
    const trainer = dni({ ...warm, generatorWarmupSteps: 2, generatorWarmupLayers: 'frozen' }, threeLayers);
    const initial = layerWeights(trainer).map((w) => w.clone());
    for (let s = 0; s < 2; s++) {
      const { inputs: x, labels: y } = batch(s);
      const expected = generatorsAfter(trainer, y, trueGradients(trainer, x, y), 0.02);
      trainer.step({ inputs: x, labels: y }, { epoch: 0, step: s });
      layerWeights(trainer).forEach((w, i) => expect(maxAbsDiff(w, initial[i]), `layer ${i}`).toBe(0));
      generatorParameters(trainer).forEach((p, i) => expect(maxAbsDiff(p, expected[i]), `generator parameter ${i}`).toBeLessThan(1e-12));
    }
    trainer.step(batch(2), { epoch: 0, step: 2 });
    expect(maxAbsDiff(layerWeights(trainer)[0], initial[0])).toBeGreaterThan(0);
  });

  it('after k steps the trainer is dni: from the same state, the same steps as a dni trainer, bit for bit', () => {
    for (const options of [{ updateProbability: 0.6 }, { syntheticGradientWeight: 0.5 }, { generatorStep: 'nlms' }]) {
      const warmed = dni({ ...warm, ...options, generatorWarmupSteps: 4 }, threeLayers);
      for (let s = 0; s < 4; s++) warmed.step(batch(s), { epoch: 0, step: s });
      const plain = dni({ ...warm, ...options }, threeLayers, 9);
      const [from, to] = [warmed.state(), plain.state()];
      for (const [name, m] of Object.entries(to.tensors)) m.data.set(from.tensors[name].data);
      to.rngs.updateSchedule.restoreState(from.rngs.updateSchedule.saveState());
      for (let s = 4; s < 10; s++) {
        expect(warmed.step(batch(s), { epoch: 0, step: s }).loss).toBe(plain.step(batch(s), { epoch: 0, step: s }).loss);
      }
      const after = plain.state().tensors;
      for (const [name, m] of Object.entries(warmed.state().tensors)) {
        if (name !== 'warmup.taken') expect(maxAbsDiff(m, after[name]), name).toBe(0);
      }
    }
  });

  it('has no state and changes nothing when k = 0', () => {
    expect(Object.keys(dni({ ...warm, generatorWarmupSteps: 0 }, threeLayers).state().tensors)).toEqual(
      Object.keys(dni(warm, threeLayers).state().tensors),
    );
    expect(Object.keys(dni(warm, threeLayers).state().tensors)).not.toContain('warmup.taken');
  });

  it('refuses bad values, the layers option without steps, and stages, naming the option', () => {
    expect(() => dni({ generatorWarmupSteps: 2.5 })).toThrow(/dni\.generatorWarmupSteps: expected a whole number of steps ≥ 0, got 2.5/);
    expect(() => dni({ generatorWarmupSteps: -1 })).toThrow(ConfigError);
    expect(() => dni({ generatorWarmupSteps: 2, generatorWarmupLayers: 'still' })).toThrow(/dni\.generatorWarmupLayers: expected "backprop" or "frozen", got "still"/);
    expect(() => dni({ generatorWarmupLayers: 'frozen' })).toThrow(/dni\.generatorWarmupLayers: only used with generatorWarmupSteps > 0/);
    expect(() => dni({ generatorWarmupSteps: 2, stages: 2 }, tutorialNetwork(8))).toThrow(/dni\.generatorWarmupSteps: not supported with dni\.stages/);
  });
});

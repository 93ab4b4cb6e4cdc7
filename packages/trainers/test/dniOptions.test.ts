import { ConfigError, TensorBackend, type Dataset, type TrainerAlgorithm } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import type { Dense } from '@synthgrad/layers';
import { Matrix } from '@synthgrad/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, fit, tutorialNetwork, type DniTrainer, type LockStepDniTrainer } from '../src/index.js';
import { maxAbsDiff, testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await binaryAdditionDataset.load({ bits: 8, trainSize: 60, testSize: 20, seed: 3 });
});

const backend = testContainer().get(TensorBackend);
const twoLayers = { ...tutorialNetwork(8), layers: [{ units: 16, bias: false }, { units: 8, bias: false }] };

function dni(options: object, network = tutorialNetwork(8), seed = 5): DniTrainer {
  return createTrainer(testContainer(), data, { algorithm: 'dni', network, options, seed }) as DniTrainer;
}

/** Every layer's weights, then every generator parameter, copied. */
function weights(trainer: DniTrainer): Matrix[] {
  return trainer.decoupled.flatMap((d) => [
    (d.layer as Dense).weights.clone(),
    ...(d.synthesis?.generator.parameters().map((p) => p.value.clone()) ?? []),
  ]);
}

function train(trainer: TrainerAlgorithm, epochs = 3) {
  return fit(trainer, data, backend, { epochs, batchSize: 10, seed: 1 });
}

function expectSameWeights(a: Matrix[], b: Matrix[], tolerance: number): void {
  expect(a.length).toBe(b.length);
  a.forEach((w, i) => expect(maxAbsDiff(w, b[i]), `parameter ${i}`).toBeLessThanOrEqual(tolerance));
}

const firstRows = (m: Matrix) => backend.gatherRows(m, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

const cdni = { generatorInput: 'labels', zeroInitGenerator: false };

describe('dni generatorLoss', () => {
  it('"mean" with rate r equals "sum" with rate r / batch, step for step', () => {
    for (const generatorHiddenSizes of [[], [6]]) {
      const mean = dni({ ...cdni, generatorHiddenSizes, generatorLoss: 'mean', generatorLearningRate: 0.05 });
      const sum = dni({ ...cdni, generatorHiddenSizes, generatorLearningRate: 0.005 });
      const other = dni({ ...cdni, generatorHiddenSizes, generatorLoss: 'mean', generatorLearningRate: 0.005 });
      for (let epoch = 0; epoch < 3; epoch++) {
        [mean, sum, other].forEach((t) => train(t, 1));
        expectSameWeights(weights(mean), weights(sum), 1e-12);
      }
      // the same rate on both losses differs: the comparison above can fail
      expect(Math.max(...weights(other).map((w, i) => maxAbsDiff(w, weights(sum)[i])))).toBeGreaterThan(1e-6);
    }
  });

  it('works with simulated stages', () => {
    const stages = (options: object) => dni({ ...cdni, stages: 2, ...options }) as unknown as LockStepDniTrainer;
    const mean = stages({ generatorLoss: 'mean', generatorLearningRate: 0.05 });
    const sum = stages({ generatorLearningRate: 0.005 });
    train(mean);
    train(sum);
    const params = (t: LockStepDniTrainer) => Object.values(t.state().tensors);
    expectSameWeights(params(mean), params(sum), 1e-12);
  });

  it('refuses anything but "sum" or "mean"', () => {
    expect(() => dni({ generatorLoss: 'max' })).toThrow(ConfigError);
    expect(() => dni({ generatorLoss: 'max' })).toThrow(/dni\.generatorLoss: expected "sum" or "mean", got "max"/);
  });
});

describe('dni syntheticGradientScale and syntheticGradientClip', () => {
  it('the layer applies clip(s·ĝ); the generator learns toward the unscaled target (one step by hand)', () => {
    const scale = 3;
    const clip = 0.02;
    const rate = 0.1;
    const generatorRate = 0.07;
    const trainer = dni(
      { ...cdni, syntheticGradientScale: scale, syntheticGradientClip: clip, generatorLearningRate: generatorRate },
      twoLayers,
    );
    const [l0, l1] = trainer.decoupled.map((d) => d.layer as Dense);
    const generator = trainer.decoupled[0].synthesis!.generator;
    const [gw, gb] = generator.parameters().map((p) => p.value.clone());
    const w0 = l0.weights.clone();
    const w1 = l1.weights.clone();
    const x = firstRows(data.train.inputs);
    const y = firstRows(data.train.labels);
    trainer.step({ inputs: x, labels: y }, { epoch: 0, step: 0 });

    // by hand: ĝ = y·Gw + Gb; layer 0 learns from clip(s·ĝ); layer 1 from the loss gradient out − y
    const prediction = backend.addRowVector(backend.matmul(y, gw), gb);
    const applied = backend.clip(backend.scale(prediction, scale), -clip, clip);
    expect(maxAbsDiff(applied, backend.scale(prediction, scale))).toBeGreaterThan(0.01); // clipping acts
    const h0 = backend.sigmoid(backend.matmul(x, w0));
    const dz0 = backend.sigmoidBackward(applied, h0);
    const expectedW0 = backend.addScaled(w0, backend.matmul(x, dz0, { transposeA: true }), -rate);
    const out = backend.sigmoid(backend.matmul(h0, w1));
    const dz1 = backend.sigmoidBackward(backend.sub(out, y), out);
    const expectedW1 = backend.addScaled(w1, backend.matmul(h0, dz1, { transposeA: true }), -rate);
    const target = backend.matmul(dz1, w1, { transposeB: true });
    const error = backend.sub(prediction, target);
    const expectedGw = backend.addScaled(gw, backend.matmul(y, error, { transposeA: true }), -generatorRate);
    const expectedGb = backend.addScaled(gb, backend.sumColumns(error), -generatorRate);

    expect(maxAbsDiff(l0.weights, expectedW0)).toBeLessThan(1e-12);
    expect(maxAbsDiff(l1.weights, expectedW1)).toBeLessThan(1e-12);
    const [gwAfter, gbAfter] = generator.parameters().map((p) => p.value);
    expect(maxAbsDiff(gwAfter, expectedGw)).toBeLessThan(1e-12);
    expect(maxAbsDiff(gbAfter, expectedGb)).toBeLessThan(1e-12);
  });

  it('with a synthetic last layer, the generator below learns toward what the unshaped ĝ sends down (one step by hand)', () => {
    const [scale, clip, rate, generatorRate] = [-2, 0.03, 0.1, 0.05];
    const trainer = dni(
      { ...cdni, lastLayer: 'synthetic', syntheticGradientScale: scale, syntheticGradientClip: clip, generatorLearningRate: generatorRate },
      twoLayers,
    );
    const [l0, l1] = trainer.decoupled.map((d) => d.layer as Dense);
    const [m0, m1] = trainer.decoupled.map((d) => d.synthesis!.generator);
    const [g0w, g0b] = m0.parameters().map((p) => p.value.clone());
    const [g1w, g1b] = m1.parameters().map((p) => p.value.clone());
    const [w0, w1] = [l0.weights.clone(), l1.weights.clone()];
    const x = firstRows(data.train.inputs);
    const y = firstRows(data.train.labels);
    trainer.step({ inputs: x, labels: y }, { epoch: 0, step: 0 });

    const shape = (g: Matrix) => backend.clip(backend.scale(g, scale), -clip, clip);
    const sgd = (w: Matrix, grad: Matrix, r: number) => backend.addScaled(w, grad, -r);
    // layer 0 learns from clip(s·ĝ₀); layer 1 runs forward on the h₀ layer 0 computed before it moved
    const p0 = backend.addRowVector(backend.matmul(y, g0w), g0b);
    const h0 = backend.sigmoid(backend.matmul(x, w0));
    const newW0 = sgd(w0, backend.matmul(x, backend.sigmoidBackward(shape(p0), h0), { transposeA: true }), rate);
    const out = backend.sigmoid(backend.matmul(h0, w1));
    const p1 = backend.addRowVector(backend.matmul(y, g1w), g1b);
    expect(maxAbsDiff(shape(p1), backend.scale(p1, scale))).toBeGreaterThan(0.01); // clipping acts
    const newW1 = sgd(w1, backend.matmul(h0, backend.sigmoidBackward(shape(p1), out), { transposeA: true }), rate);
    // generator 0's target: layer 1's backward of the unshaped ĝ₁ with its old weights
    const target0 = backend.matmul(backend.sigmoidBackward(p1, out), w1, { transposeB: true });
    const e0 = backend.sub(p0, target0);
    const e1 = backend.sub(p1, backend.sub(out, y)); // generator 1 learns toward the loss gradient
    expect(maxAbsDiff(l0.weights, newW0)).toBeLessThan(1e-12);
    expect(maxAbsDiff(l1.weights, newW1)).toBeLessThan(1e-12);
    const after = [...m0.parameters(), ...m1.parameters()].map((p) => p.value);
    const expected = [
      sgd(g0w, backend.matmul(y, e0, { transposeA: true }), generatorRate),
      sgd(g0b, backend.sumColumns(e0), generatorRate),
      sgd(g1w, backend.matmul(y, e1, { transposeA: true }), generatorRate),
      sgd(g1b, backend.sumColumns(e1), generatorRate),
    ];
    after.forEach((value, i) => expect(maxAbsDiff(value, expected[i]), `generator parameter ${i}`).toBeLessThan(1e-12));
  });

  it('scale 1 without a clip is plain dni, bit for bit', () => {
    const a = dni({ ...cdni, syntheticGradientScale: 1 });
    const b = dni(cdni);
    train(a);
    train(b);
    expectSameWeights(weights(a), weights(b), 0);
  });

  it('refuses bad values, naming the option', () => {
    expect(() => dni({ syntheticGradientScale: Number.NaN })).toThrow(/dni\.syntheticGradientScale: expected a finite number/);
    expect(() => dni({ syntheticGradientClip: 0 })).toThrow(/dni\.syntheticGradientClip: expected a positive number, got 0/);
    expect(() => dni({ syntheticGradientWeight: 1.5 })).toThrow(/dni\.syntheticGradientWeight: expected a number in \[0, 1\], got 1.5/);
  });

  // Scale and clip are backprop-free and allowed with stages (test/stages.test.ts); λ needs the true gradient.
  it.each(['syntheticGradientWeight'])(
    'refuses %s with stages',
    (name) => {
      expect(() => dni({ stages: 2, [name]: 0.5 })).toThrow(new RegExp(`dni\\.${name}: not supported with dni\\.stages`));
    },
  );
});

describe('dni syntheticGradientWeight (λ-mixing with the true gradient)', () => {
  function backprop(network = tutorialNetwork(8)) {
    return createTrainer(testContainer(), data, { algorithm: 'backprop', network, seed: 5 });
  }

  it('λ = 0 is backprop step for step, bit for bit', () => {
    for (const options of [cdni, { generatorHiddenSizes: [6] }, { ...cdni, lastLayer: 'synthetic', syntheticGradientScale: 3 }]) {
      const mixed = dni({ ...options, syntheticGradientWeight: 0 });
      const bp = backprop();
      for (let epoch = 0; epoch < 3; epoch++) {
        train(mixed, 1);
        train(bp, 1);
        const layers = mixed.decoupled.map((d) => (d.layer as Dense).weights);
        const bpLayers = Object.values(bp.state().tensors);
        expectSameWeights(layers, bpLayers, 0);
      }
    }
  });

  it('λ = 0 is backprop bit for bit on batch-normalised layers too', () => {
    const network = { ...tutorialNetwork(8), layers: tutorialNetwork(8).layers.map((l, i) => (i < 2 ? { ...l, batchNorm: true } : l)) };
    const mixed = dni({ ...cdni, syntheticGradientWeight: 0 }, network);
    const bp = backprop(network);
    train(mixed);
    train(bp);
    const network0 = Object.entries(mixed.state().tensors).filter(([name]) => name.startsWith('layer'));
    const bpState = bp.state().tensors;
    expect(network0.length).toBe(Object.keys(bpState).length);
    expect(network0.length).toBeGreaterThan(3); // batch-norm parameters and statistics included
    for (const [name, value] of network0) expect(maxAbsDiff(value, bpState[name]), name).toBe(0);
  });

  it('λ = 1 is dni, bit for bit', () => {
    const a = dni({ ...cdni, syntheticGradientWeight: 1 });
    const b = dni(cdni);
    train(a);
    train(b);
    expectSameWeights(weights(a), weights(b), 0);
  });

  it('λ = 0.25 moves the first layer λ of the way from the backprop step to the dni step (first step)', () => {
    // On the first step layer 0 runs forward with the same weights in every rule, so its SGD step
    // is linear in the gradient it applies.
    const x = firstRows(data.train.inputs);
    const y = firstRows(data.train.labels);
    const firstLayerAfterOneStep = (trainer: { step: DniTrainer['step']; state: DniTrainer['state'] }) => {
      trainer.step({ inputs: x, labels: y }, { epoch: 0, step: 0 });
      return trainer.state().tensors['layer0.weights'];
    };
    const before = dni(cdni).state().tensors['layer0.weights'].clone();
    const bpW = firstLayerAfterOneStep(backprop());
    const dniW = firstLayerAfterOneStep(dni(cdni));
    const mixedW = firstLayerAfterOneStep(dni({ ...cdni, syntheticGradientWeight: 0.25 }));
    const expected = backend.addScaled(
      backend.scale(backend.sub(dniW, before), 0.25),
      backend.sub(bpW, before),
      0.75,
    );
    expect(maxAbsDiff(backend.sub(mixedW, before), expected)).toBeLessThan(1e-12);
    expect(maxAbsDiff(dniW, bpW)).toBeGreaterThan(1e-6);
  });

  it('generators learn as in dni while λ < 1, and the network still learns', () => {
    const mixed = dni({ ...cdni, generatorLearningRate: 0.01, syntheticGradientWeight: 0.5 });
    const before = weights(mixed);
    const result = train(mixed, 10);
    expect(result.status).toBe('completed');
    const after = weights(mixed);
    // every parameter moved, generators included
    after.forEach((w, i) => expect(maxAbsDiff(w, before[i]), `parameter ${i}`).toBeGreaterThan(0));
    expect(result.history.at(-1)!.trainLoss).toBeLessThan(result.history[0].trainLoss);
  });
});

import { ConfigError, TensorBackend, type Dataset } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import type { Dense } from '@synthgrad/layers';
import type { Matrix } from '@synthgrad/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, fit, splitStages, tutorialNetwork, type DniTrainer, type LockStepDniTrainer } from '../src/index.js';
import { maxAbsDiff, testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await binaryAdditionDataset.load({ bits: 8, trainSize: 120, testSize: 40, seed: 3 });
});

const tutorial = tutorialNetwork(8);
const network = {
  ...tutorial,
  layers: [{ units: 32, activation: 'sigmoid', bias: false }, { units: 24, activation: 'sigmoid', bias: true }, ...tutorial.layers.slice(1)],
};

function dni(options: object, seed = 5): DniTrainer | LockStepDniTrainer {
  return createTrainer(testContainer(), data, { algorithm: 'dni', network, options, seed }) as DniTrainer;
}

/** Every layer's weights and every generator's parameters, in order. */
function weights(trainer: DniTrainer | LockStepDniTrainer): Matrix[] {
  return trainer.decoupled.flatMap((d) => [
    (d.layer as Dense).weights.clone(),
    ...(d.synthesis?.generator.parameters().map((p) => p.value.clone()) ?? []),
  ]);
}

function train(trainer: DniTrainer | LockStepDniTrainer, epochs = 3) {
  return fit(trainer, data, testContainer().get(TensorBackend), { epochs, batchSize: 10, seed: 1 });
}

function expectSame(a: Matrix[], b: Matrix[]) {
  expect(a.length).toBe(b.length);
  a.forEach((w, i) => expect(maxAbsDiff(w, b[i])).toBe(0));
}

describe('dni stages, simulated lock-step', () => {
  it('with one stage is sequential dni exactly, random update schedule included', () => {
    const options = { generatorInput: 'labels', zeroInitGenerator: false, updateProbability: 0.7 };
    const sequential = dni(options);
    const staged = dni({ ...options, stages: 1 });
    const a = train(sequential);
    const b = train(staged);
    expectSame(weights(sequential), weights(staged));
    expect(b.history.map((r) => r.test.loss)).toEqual(a.history.map((r) => r.test.loss));
  });

  it('changes nothing but the generators when they do not learn (the cut leaves the layers alone)', () => {
    const options = { generatorInput: 'layer-output', zeroInitGenerator: false, generatorLearningRate: 0 };
    const sequential = dni(options);
    const staged = dni({ ...options, stages: [2, 1, 1] });
    train(sequential);
    train(staged);
    expectSame(weights(sequential), weights(staged));
  });

  it('delays a boundary generator\'s target by two steps, and drains before evaluation', () => {
    const options = { generatorInput: 'labels', zeroInitGenerator: false };
    const staged = dni({ ...options, stages: [2, 2] }) as LockStepDniTrainer;
    const boundary = () => staged.decoupled[1].synthesis!.generator.parameters()[0].value;
    const inside = () => staged.decoupled[0].synthesis!.generator.parameters()[0].value;
    const backend = testContainer().get(TensorBackend);
    const batch = (b: number) => ({
      inputs: backend.gatherRows(data.train.inputs, Int32Array.from({ length: 10 }, (_, i) => b * 10 + i)),
      labels: backend.gatherRows(data.train.labels, Int32Array.from({ length: 10 }, (_, i) => b * 10 + i)),
    });
    const [boundary0, inside0] = [boundary().clone(), inside().clone()];
    const unchanged = (m: Matrix, initial: Matrix) => maxAbsDiff(m, initial) === 0;
    staged.step(batch(0), { epoch: 0, step: 0 });
    staged.step(batch(1), { epoch: 0, step: 1 });
    // Inside stage 0 the generator learnt at once; the stage above has sent batch 0's target, not yet learnt.
    expect(unchanged(inside(), inside0)).toBe(false);
    expect(unchanged(boundary(), boundary0)).toBe(true);
    staged.step(batch(2), { epoch: 0, step: 2 });
    expect(unchanged(boundary(), boundary0)).toBe(false);
    const before = boundary().clone();
    staged.drain();
    expect(maxAbsDiff(before, boundary())).toBeGreaterThan(0);
    expect(staged.stages.map((s) => s.ranThrough)).toEqual([2, 2]);
    expect(staged.stages[0].learnedThrough).toBe(2);
  });

  it('still learns with delayed targets', () => {
    const staged = createTrainer(testContainer(), data, {
      algorithm: 'dni',
      network: tutorialNetwork(8),
      options: { generatorInput: 'labels', stages: 2 },
      seed: 5,
    }) as LockStepDniTrainer;
    expect(staged.stages).toHaveLength(2);
    const result = train(staged, 30);
    expect(result.status).toBe('completed');
    expect(result.history[29].train.loss).toBeLessThan(0.97 * result.history[0].train.loss);
  });

  it('rejects a schedule it cannot simulate and a split that does not fit', () => {
    expect(() => dni({ stages: 2, schedule: 'async' })).toThrow(/dni\.schedule.*async/);
    expect(() => dni({ stages: [1, 1] })).toThrow(ConfigError);
    expect(() => dni({ stages: [1, 1] })).toThrow(/2 layers \[1, 1\] but the network has 4/);
    expect(() => dni({ stages: 9 })).toThrow(/dni\.stages.*1 to the network's 4 layers, got 9/);
  });
});

describe('splitStages', () => {
  const mlp = (sizes: number[]) => sizes.slice(1).map((outputSize, i) => ({ inputSize: sizes[i], outputSize }));

  it('balances multiply-adds', () => {
    expect(splitStages(mlp([784, 1024, 1024, 1024, 1024, 1024, 1024, 10]), 2)).toEqual([3, 4]);
    expect(splitStages(mlp([784, 1024, 1024, 10]), 2)).toEqual([1, 2]);
    expect(splitStages(mlp([10, 10, 10, 10]), 3)).toEqual([1, 1, 1]);
    expect(splitStages(mlp([10, 10]), 1)).toEqual([1]);
  });

  it('keeps an explicit split and names a bad entry', () => {
    expect(splitStages(mlp([4, 4, 4, 4]), [2, 1])).toEqual([2, 1]);
    expect(() => splitStages(mlp([4, 4, 4]), [2, 0])).toThrow(/dni\.stages\[1\].*got 0/);
  });
});

describe('dni stages with syntheticGradientScale and syntheticGradientClip', () => {
  const shaped = { generatorInput: 'labels', zeroInitGenerator: false, syntheticGradientScale: 3, syntheticGradientClip: 0.01 };

  it('equal sequential shaped dni when the generators do not learn (the cut leaves the layers alone)', () => {
    // (Every layer updates every step: stages after the first draw their update schedules from streams of their own.)
    const options = { ...shaped, generatorLearningRate: 0 };
    const sequential = dni(options);
    const staged = dni({ ...options, stages: [2, 1, 1] });
    const unshaped = dni({ generatorInput: 'labels', zeroInitGenerator: false, generatorLearningRate: 0, stages: [2, 1, 1] });
    train(sequential);
    train(staged);
    train(unshaped);
    expectSame(weights(sequential), weights(staged));
    // the shaping acts in the stages: without it the layers end elsewhere
    expect(Math.max(...weights(staged).map((w, i) => maxAbsDiff(w, weights(unshaped)[i])))).toBeGreaterThan(1e-6);
  });

  it('two stages: layers apply clip(s·ĝ), the boundary generator learns two steps late toward the unshaped target (three steps by hand)', () => {
    const [scale, clip, rate, generatorRate] = [3, 0.02, 0.1, 0.07];
    const twoLayers = { ...tutorialNetwork(8), layers: [{ units: 16, bias: false }, { units: 8, bias: false }] };
    const staged = createTrainer(testContainer(), data, {
      algorithm: 'dni',
      network: twoLayers,
      options: { ...shaped, syntheticGradientScale: scale, syntheticGradientClip: clip, generatorLearningRate: generatorRate, stages: [1, 1] },
      seed: 5,
    }) as LockStepDniTrainer;
    const backend = testContainer().get(TensorBackend);
    const [l0, l1] = staged.decoupled.map((d) => d.layer as Dense);
    const generator = staged.decoupled[0].synthesis!.generator;
    const [gw, gb] = generator.parameters().map((p) => p.value.clone());
    const [w0, w1] = [l0.weights.clone(), l1.weights.clone()];
    const rows = (m: Matrix, b: number) => backend.gatherRows(m, Int32Array.from({ length: 10 }, (_, i) => b * 10 + i));
    const [x, y] = [[0, 1, 2].map((b) => rows(data.train.inputs, b)), [0, 1, 2].map((b) => rows(data.train.labels, b))];
    for (let t = 0; t < 3; t++) staged.step({ inputs: x[t], labels: y[t] }, { epoch: 0, step: t });

    const shape = (g: Matrix) => backend.clip(backend.scale(g, scale), -clip, clip);
    const sgd = (w: Matrix, grad: Matrix, r: number) => backend.addScaled(w, grad, -r);
    const predict = (labels: Matrix, w: Matrix, b: Matrix) => backend.addRowVector(backend.matmul(labels, w), b);
    /** Layer 0 runs batch b forward with `w` and learns from clip(s·ĝ): its output and new weights. */
    const stage0 = (b: number, w: Matrix, generatorW: Matrix, generatorB: Matrix) => {
      const h = backend.sigmoid(backend.matmul(x[b], w));
      const p = predict(y[b], generatorW, generatorB);
      return { h, p, w: sgd(w, backend.matmul(x[b], backend.sigmoidBackward(shape(p), h), { transposeA: true }), rate) };
    };
    /** Layer 1 runs batch b on h with `w`, learns from the loss gradient, and sends down the target with `w`. */
    const stage1 = (b: number, h: Matrix, w: Matrix) => {
      const out = backend.sigmoid(backend.matmul(h, w));
      const dz = backend.sigmoidBackward(backend.sub(out, y[b]), out);
      return { target: backend.matmul(dz, w, { transposeB: true }), w: sgd(w, backend.matmul(h, dz, { transposeA: true }), rate) };
    };
    // step 0: stage 0 runs batch 0
    const s00 = stage0(0, w0, gw, gb);
    expect(maxAbsDiff(shape(s00.p), backend.scale(s00.p, scale))).toBeGreaterThan(0.01); // clipping acts
    // step 1: stage 1 runs batch 0; stage 0 runs batch 1 (no target learnt yet)
    const s10 = stage1(0, s00.h, w1);
    const s01 = stage0(1, s00.w, gw, gb);
    // step 2: stage 1 runs batch 1; stage 0 learns batch 0's target (re-predicted at its current weights), then runs batch 2
    const s11 = stage1(1, s01.h, s10.w);
    const error = backend.sub(predict(y[0], gw, gb), s10.target);
    const newGw = sgd(gw, backend.matmul(y[0], error, { transposeA: true }), generatorRate);
    const newGb = sgd(gb, backend.sumColumns(error), generatorRate);
    const s02 = stage0(2, s01.w, newGw, newGb);

    expect(maxAbsDiff(l0.weights, s02.w)).toBeLessThan(1e-12);
    expect(maxAbsDiff(l1.weights, s11.w)).toBeLessThan(1e-12);
    const [gwAfter, gbAfter] = generator.parameters().map((p) => p.value);
    expect(maxAbsDiff(gwAfter, newGw)).toBeLessThan(1e-12);
    expect(maxAbsDiff(gbAfter, newGb)).toBeLessThan(1e-12);
    expect(maxAbsDiff(newGw, gw)).toBeGreaterThan(1e-6);
  });
});

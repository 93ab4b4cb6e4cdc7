import { ConfigError, GeneratorInputPlugin, TensorBackend, UnknownPluginError, type Dataset } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import type { Dense } from '@synthgrad/layers';
import { Matrix } from '@synthgrad/tensor';
import { ContainerModule } from 'inversify';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, fit, tutorialNetwork, type DniTrainer } from '../src/index.js';
import { maxAbsDiff, testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await binaryAdditionDataset.load({ bits: 8, trainSize: 200, testSize: 200, seed: 3 });
});

function dni(options: object, container = testContainer(), seed = 5): DniTrainer {
  return createTrainer(container, data, { algorithm: 'dni', network: tutorialNetwork(8), options, seed }) as DniTrainer;
}

function weights(trainer: DniTrainer): Matrix[] {
  return trainer.decoupled.flatMap((d) => [
    (d.layer as Dense).weights.clone(),
    ...(d.synthesis?.generator.parameters().map((p) => p.value.clone()) ?? []),
  ]);
}

describe('dni trainer', () => {
  it('never lets the measured true gradient into an update', () => {
    const backend = testContainer().get(TensorBackend);
    const options = { generatorInput: 'labels', zeroInitGenerator: false };
    const measured = dni(options);
    const unmeasured = dni(options);
    const a = fit(measured, data, backend, { epochs: 3, batchSize: 10, seed: 1, measureGradients: true });
    const b = fit(unmeasured, data, backend, { epochs: 3, batchSize: 10, seed: 1 });
    expect(a.history[2].gradientAlignment).toHaveLength(2);
    expect(b.history[2].gradientAlignment).toBeUndefined();
    const [wa, wb] = [weights(measured), weights(unmeasured)];
    expect(wa.length).toBe(wb.length);
    wa.forEach((w, i) => expect(maxAbsDiff(w, wb[i])).toBe(0));
  });

  it('measures perfect alignment when the generator predicts the true gradient exactly', () => {
    // A one-hidden-layer net: with the last layer on the true gradient, layer 0's true gradient is
    // a function of the batch; planting it as the generator's bias on a 1-example batch makes ĝ = g.
    const single = { ...data, train: { inputs: Matrix.fromRows([data.train.inputs.row(0)]), labels: Matrix.fromRows([data.train.labels.row(0)]) } };
    const container = testContainer();
    const trainer = createTrainer(container, single, {
      algorithm: 'dni',
      network: { ...tutorialNetwork(8), layers: [{ units: 16, bias: false }, { units: 8, bias: false }] },
      options: { generatorInput: 'labels' },
    }) as DniTrainer;
    const [first] = trainer.measureGradients!(single.train);
    expect(first.cosine).toBe(0); // zero-initialised generator predicts 0
    expect(first.relativeError).toBeCloseTo(1, 12);
    // compute the true gradient independently: dL/dh0 = ((out − y) ⊙ out(1 − out)) · W1ᵀ
    const backend = container.get(TensorBackend);
    const [l0, l1] = trainer.decoupled.map((d) => d.layer as Dense);
    const h0 = backend.sigmoid(backend.matmul(single.train.inputs, l0.weights));
    const out = backend.sigmoid(backend.matmul(h0, l1.weights));
    const delta = backend.sigmoidBackward(backend.sub(out, single.train.labels), out);
    const trueGradient = backend.matmul(delta, l1.weights, { transposeB: true });
    const [, bias] = trainer.decoupled[0].synthesis!.generator.parameters();
    bias.value.copyFrom(trueGradient);
    const [aligned] = trainer.measureGradients!(single.train);
    expect(aligned.cosine).toBeCloseTo(1, 12);
    expect(aligned.relativeError).toBeLessThan(1e-12);
  });

  it("cDNI's generators learn the true gradient; layer-output generators do not", () => {
    const backend = testContainer().get(TensorBackend);
    const run = (generatorInput: string) =>
      fit(dni({ generatorInput, generatorLearningRate: 0.01 }), data, backend, {
        epochs: 30,
        batchSize: 10,
        measureGradients: true,
      });
    const cdni = run('labels');
    const plain = run('layer-output');
    expect(cdni.status).toBe('completed');
    const cosines = (r: typeof cdni) => r.history.at(-1)!.gradientAlignment!.map((a) => a.cosine);
    // the layer below the output sees a gradient that is nearly a linear function of the labels
    expect(cosines(cdni)[1]).toBeGreaterThan(0.8);
    expect(cosines(cdni)[0]).toBeGreaterThan(0.4);
    for (const cosine of cosines(plain)) expect(Math.abs(cosine)).toBeLessThan(0.35);
    expect(cdni.history.at(-1)!.trainLoss).toBeLessThan(plain.history.at(-1)!.trainLoss);
  });

  it('trains with a generator input registered by a user module', () => {
    const parity: GeneratorInputPlugin = {
      name: 'label-parity',
      description: 'one column: the parity of the label bits',
      create: () => ({
        size: 1,
        features: ({ labels }) => {
          const out = Matrix.zeros(labels.rows, 1);
          for (let r = 0; r < labels.rows; r++) out.data[r] = Array.from(labels.row(r)).reduce((s, v) => s + v, 0) % 2;
          return out;
        },
      }),
    };
    const userModule = new ContainerModule(({ bind }) => {
      bind(GeneratorInputPlugin).toConstantValue(parity);
    });
    const container = testContainer({ modules: [userModule] });
    const trainer = dni({ generatorInput: ['labels', 'label-parity'], zeroInitGenerator: false }, container);
    expect(trainer.decoupled[0].synthesis!.input.size).toBe(9);
    const result = fit(trainer, data, container.get(TensorBackend), { epochs: 2, batchSize: 20 });
    expect(result.status).toBe('completed');
    expect(result.history).toHaveLength(2);
  });

  it('with a tiny update probability, layers mostly keep their weights', () => {
    const trainer = dni({ generatorInput: 'labels', updateProbability: 1e-9, zeroInitGenerator: false });
    const before = weights(trainer);
    fit(trainer, data, testContainer().get(TensorBackend), { epochs: 1, batchSize: 10 });
    weights(trainer).forEach((w, i) => expect(maxAbsDiff(w, before[i])).toBe(0));
  });

  it('rejects bad options, naming them', () => {
    expect(() => dni({ updateProbability: 0 })).toThrow(ConfigError);
    expect(() => dni({ updateProbability: 1.5 })).toThrow('dni.updateProbability: expected a number in (0, 1], got 1.5');
    expect(() => dni({ lastLayer: 'tutorial' })).toThrow('dni.lastLayer: expected "true-gradient" or "synthetic", got "tutorial"');
    expect(() => dni({ generatorHiddenSizes: [8, 0] })).toThrow('dni.generatorHiddenSizes[1]: expected a positive integer, got 0');
    expect(() => dni({ generatorLearningrate: 0.01 })).toThrow(
      'dni: unknown option "generatorLearningrate"; known: "generatorInput", "generatorHiddenSizes"',
    );
    expect(() => dni({ generatorInput: 'lables' })).toThrow(UnknownPluginError);
    expect(() => dni({ generatorInput: 'lables' })).toThrow(/unknown generator input "lables"; known: .*"labels"/);
  });
});

import { readFileSync } from 'node:fs';
import { TensorBackend, type Dataset, type NetworkSpec } from '@synthgrad/core';
import type { Dense } from '@synthgrad/layers';
import { describe, expect, it } from 'vitest';
import { createTrainer, fit, tutorialNetwork, type DniTrainer } from '../src/index.js';
import { fromJSON, maxAbsDiff, testContainer, type MatrixJSON } from './support.js';

/** Written by tools/reference/tutorial_fixtures.py (numpy); see that script for the exact maths. */
const fixture = JSON.parse(readFileSync(new URL('./fixtures/tutorial-reference.json', import.meta.url), 'utf8'));

const TOLERANCE = 1e-9;

function dataset(): Dataset {
  const inputs = fromJSON(fixture.inputs);
  const labels = fromJSON(fixture.labels);
  return { name: 'numpy-fixture', task: 'binary-digits', inputSize: inputs.cols, labelSize: labels.cols, train: { inputs, labels }, test: { inputs, labels } };
}

function network(sizes: number[]): NetworkSpec {
  return { ...tutorialNetwork(), layers: sizes.map((units) => ({ units, activation: 'sigmoid', bias: false })) };
}

/** Trains `steps` steps in the data's own order, as the tutorial's loops do. */
function train(trainer: Parameters<typeof fit>[0], steps: number, backend: TensorBackend) {
  const data = dataset();
  const perEpoch = data.train.inputs.rows / fixture.batchSize;
  expect(steps % perEpoch).toBe(0);
  const result = fit(trainer, data, backend, { epochs: steps / perEpoch, batchSize: fixture.batchSize, shuffle: false });
  expect(result.status).toBe('completed');
}

describe.each(['cpu', 'mathjs'])('numpy reference (%s backend)', (backendName) => {
  it(`backprop matches the tutorial's numpy baseline after ${fixture.backprop.steps} steps`, () => {
    const container = testContainer({ backend: backendName });
    const backend = container.get(TensorBackend);
    const sizes = fixture.backprop.initial.map((w: MatrixJSON) => w.cols);
    const trainer = createTrainer(container, dataset(), { algorithm: 'backprop', network: network(sizes) }) as unknown as {
      network: { layers: Dense[] };
    };
    trainer.network.layers.forEach((layer, i) => layer.weights.copyFrom(fromJSON(fixture.backprop.initial[i])));
    train(trainer as never, fixture.backprop.steps, backend);
    trainer.network.layers.forEach((layer, i) => {
      expect(maxAbsDiff(layer.weights, fromJSON(fixture.backprop.final[i]))).toBeLessThan(TOLERANCE);
    });
  });

  for (const reference of fixture.dni) {
    it(`dni (${reference.generatorInput}, last layer ${reference.lastLayer}) matches numpy after ${reference.steps} steps`, () => {
      const container = testContainer({ backend: backendName });
      const backend = container.get(TensorBackend);
      const sizes = reference.initial.layers.map((w: MatrixJSON) => w.cols);
      const trainer = createTrainer(container, dataset(), {
        algorithm: 'dni',
        network: network(sizes),
        options: { generatorInput: reference.generatorInput, lastLayer: reference.lastLayer, zeroInitGenerator: false },
      }) as DniTrainer;
      const withGenerators = trainer.decoupled.filter((d) => d.synthesis !== null);
      expect(withGenerators).toHaveLength(reference.initial.generators.length);
      trainer.decoupled.forEach((d, i) => (d.layer as Dense).weights.copyFrom(fromJSON(reference.initial.layers[i])));
      withGenerators.forEach((d, i) => {
        const [weights, bias] = d.synthesis!.generator.parameters();
        weights.value.copyFrom(fromJSON(reference.initial.generators[i].weights));
        bias.value.copyFrom(fromJSON(reference.initial.generators[i].bias));
      });
      train(trainer, reference.steps, backend);
      trainer.decoupled.forEach((d, i) => {
        expect(maxAbsDiff((d.layer as Dense).weights, fromJSON(reference.final.layers[i]))).toBeLessThan(TOLERANCE);
      });
      withGenerators.forEach((d, i) => {
        const [weights, bias] = d.synthesis!.generator.parameters();
        expect(maxAbsDiff(weights.value, fromJSON(reference.final.generators[i].weights))).toBeLessThan(TOLERANCE);
        expect(maxAbsDiff(bias.value, fromJSON(reference.final.generators[i].bias))).toBeLessThan(TOLERANCE);
      });
    });
  }
});

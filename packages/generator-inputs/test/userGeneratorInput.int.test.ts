// A generator input written the way a user would, against the public API only: its own plugin object,
// its own ContainerModule, no change to @synthgrad/generator-inputs.
import {
  createContainer,
  GeneratorInputPlugin,
  GeneratorInputRegistry,
  TensorBackend,
  type GeneratorInput,
} from '@synthgrad/core';
import { createGeneratorInput, generatorInputsModule } from '@synthgrad/generator-inputs';
import { describeGeneratorInputContract, randomGeneratorInputContext } from '@synthgrad/generator-inputs/testing';
import { Matrix, Rng } from '@synthgrad/tensor';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';

const scaledLabels: GeneratorInputPlugin<{ scale?: number }> = {
  name: 'scaled-labels',
  description: 'the labels times a constant',
  create(shape, options, { backend }): GeneratorInput {
    const scale = options?.scale ?? 2;
    let out: Matrix | undefined;
    return {
      size: shape.labelSize,
      features({ labels }) {
        if (out?.rows !== labels.rows) out = new Matrix(labels.rows, shape.labelSize);
        return backend.scale(labels, scale, out);
      },
    };
  },
};

const userModule = new ContainerModule((options) => {
  options.bind(GeneratorInputPlugin).toConstantValue(scaledLabels);
});

describeGeneratorInputContract(scaledLabels);
describeGeneratorInputContract(scaledLabels, { pluginOptions: { scale: -0.5 } });

describe('a generator input from a user module', () => {
  const container = createContainer({ modules: [generatorInputsModule, userModule] });
  const registry = container.get(GeneratorInputRegistry);
  const backend = container.get(TensorBackend);
  const shape = { index: 0, count: 2, inputSize: 4, outputSize: 3, dataInputSize: 4, labelSize: 2 };
  const context = randomGeneratorInputContext(shape, 6, new Rng(4));
  const doubled = context.labels.toArray().map((row) => row.map((v) => 2 * v));

  it('is registered beside the built-ins', () => {
    expect(registry.names()).toEqual([
      'batch-normalized-output',
      'combination',
      'inputs',
      'labels',
      'layer-output',
      'scaled-labels',
    ]);
  });

  it('resolves by name and with options', () => {
    expect(createGeneratorInput(registry, 'scaled-labels', shape, backend).features(context).toArray()).toEqual(doubled);
    const tripled = createGeneratorInput(registry, { name: 'scaled-labels', options: { scale: 3 } }, shape, backend);
    expect(tripled.features(context).toArray()).toEqual(context.labels.toArray().map((row) => row.map((v) => 3 * v)));
  });

  it('works inside a combination', () => {
    const input = createGeneratorInput(registry, ['layer-output', 'scaled-labels'], shape, backend);
    expect(input.size).toBe(3 + 2);
    const outputs = context.layerOutput.toArray();
    expect(input.features(context).toArray()).toEqual(outputs.map((row, r) => [...row, ...doubled[r]]));
  });
});

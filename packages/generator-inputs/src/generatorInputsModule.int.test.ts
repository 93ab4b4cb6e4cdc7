import { createContainer, GeneratorInputRegistry, TensorBackend } from '@synthgrad/core';
import { Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { createGeneratorInput } from './createGeneratorInput.js';
import { generatorInputsModule } from './generatorInputsModule.js';
import { randomGeneratorInputContext } from './testing/index.js';

describe('generatorInputsModule', () => {
  it('registers every built-in under its name', () => {
    const registry = createContainer({ modules: [generatorInputsModule] }).get(GeneratorInputRegistry);
    expect(registry.names()).toEqual(['batch-normalized-output', 'combination', 'inputs', 'labels', 'layer-output']);
  });

  it('builds inputs from the container with its backend', () => {
    const container = createContainer({ modules: [generatorInputsModule], backend: 'mathjs' });
    const shape = { index: 0, count: 2, inputSize: 4, outputSize: 3, dataInputSize: 4, labelSize: 2 };
    const input = createGeneratorInput(
      container.get(GeneratorInputRegistry),
      ['labels', 'batch-normalized-output'],
      shape,
      container.get(TensorBackend),
    );
    const features = input.features(randomGeneratorInputContext(shape, 5, new Rng(0)));
    expect(features.shape).toBe('5×5');
  });
});

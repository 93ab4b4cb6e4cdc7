import { Matrix } from '@synthgrad/tensor';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createContainer } from './createContainer.js';
import { ConfigError, DuplicatePluginError, UnknownPluginError } from './errors.js';
import {
  GeneratorInputPlugin,
  GeneratorInputRegistry,
  type GeneratorInput,
  type LayerShape,
} from './GeneratorInput.js';
import { TensorBackend, TensorBackendPlugin } from './TensorBackendPlugin.js';

/** A plugin as a user would write it, in a module of its own. */
const constantInput: GeneratorInputPlugin = {
  name: 'constant-one',
  description: 'a single column of ones',
  create: (_shape: LayerShape): GeneratorInput => ({
    size: 1,
    features: (ctx) => Matrix.ones(ctx.layerOutput.rows, 1),
  }),
};
const userModule = new ContainerModule((options) => {
  options.bind(GeneratorInputPlugin).toConstantValue(constantInput);
});

describe('createContainer', () => {
  it('binds the cpu backend by default and the named one on request', () => {
    expect(createContainer().get(TensorBackend).name).toBe('cpu');
    expect(createContainer({ backend: 'mathjs' }).get(TensorBackend).name).toBe('mathjs');
  });

  it('fails on an unknown backend, listing the known ones', () => {
    expect(() => createContainer({ backend: 'gpu' })).toThrow(UnknownPluginError);
    expect(() => createContainer({ backend: 'gpu' })).toThrow('unknown tensor backend "gpu"; known: "cpu", "mathjs"');
  });

  it('finds a generator input bound by a module from outside the package', () => {
    const container = createContainer({ modules: [userModule] });
    const registry = container.get(GeneratorInputRegistry);
    expect(registry.names()).toEqual(['constant-one']);
    const shape = { index: 0, count: 1, inputSize: 2, outputSize: 3, dataInputSize: 2, labelSize: 1 };
    const input = registry.get('constant-one').create(shape, undefined, {
      backend: container.get(TensorBackend),
      create: () => {
        throw new Error('not needed');
      },
    });
    const features = input.features({
      layerInput: Matrix.zeros(4, 2),
      layerOutput: Matrix.zeros(4, 3),
      inputs: Matrix.zeros(4, 2),
      labels: Matrix.zeros(4, 1),
      training: true,
    });
    expect(features.toArray()).toEqual([[1], [1], [1], [1]]);
  });

  it('sees a module loaded after creation', () => {
    const container = createContainer();
    expect(container.get(GeneratorInputRegistry).names()).toEqual([]);
    container.load(userModule);
    expect(container.get(GeneratorInputRegistry).names()).toEqual(['constant-one']);
  });

  it('selects a backend that a module adds', () => {
    const userBackend = new ContainerModule((options) => {
      options.bind(TensorBackendPlugin).toConstantValue({
        name: 'custom',
        description: 'a user backend',
        create: () => Object.create(createContainer().get(TensorBackend), { name: { value: 'custom' } }),
      });
    });
    expect(createContainer({ modules: [userBackend], backend: 'custom' }).get(TensorBackend).name).toBe('custom');
  });

  it('makes the backend with the dtype asked for, and refuses a dtype its plugin does not list', () => {
    const single = createContainer({ backend: 'cpu', dtype: 'float32' }).get(TensorBackend);
    expect(single.dtype).toBe('float32');
    expect(single.matmul(Matrix.ones(2, 2), Matrix.ones(2, 2)).dtype).toBe('float32');
    expect(createContainer({ backend: 'cpu' }).get(TensorBackend).dtype).toBe('float64');
    expect(() => createContainer({ backend: 'mathjs', dtype: 'float32' })).toThrow(
      "dtype: backend 'mathjs' has no float32 matrices; it offers float64 (float32 runs on 'cpu')",
    );
    expect(() => createContainer({ backend: 'mathjs', dtype: 'float32' })).toThrow(ConfigError);
  });

  it('names every backend that offers the dtype, a plugin\'s too, and refuses a plugin that makes another', () => {
    const plugin = (name: string, make: 'float64' | 'float32') =>
      new ContainerModule((options) => {
        options.bind(TensorBackendPlugin).toConstantValue({
          name,
          description: `a user backend making ${make}`,
          dtypes: ['float64', 'float32'],
          create: () => Object.create(createContainer().get(TensorBackend), { name: { value: name }, dtype: { value: make } }),
        });
      });
    const modules = [plugin('honest', 'float32'), plugin('liar', 'float64')];
    expect(() => createContainer({ modules, backend: 'mathjs', dtype: 'float32' })).toThrow(
      "it offers float64 (float32 runs on 'cpu', 'honest' and 'liar')",
    );
    expect(createContainer({ modules, backend: 'honest', dtype: 'float32' }).get(TensorBackend).name).toBe('honest');
    expect(() => createContainer({ modules, backend: 'liar', dtype: 'float32' })).toThrow(
      "dtype: backend 'liar' was asked for float32 matrices and made float64 ones",
    );
  });

  it('refuses a second plugin under a taken name', () => {
    const container = createContainer({ modules: [userModule, userModule] });
    expect(() => container.get(GeneratorInputRegistry)).toThrow(DuplicatePluginError);
  });
});

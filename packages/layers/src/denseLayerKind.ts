import { ConfigError, describeValue, readOptions, type DenseLayerOptions } from '@synthgrad/core';
import { BatchNorm } from './BatchNorm.js';
import { Dense } from './Dense.js';
import { featureSize } from './FeatureShape.js';
import type { LayerPlugin, MatrixShape } from './LayerPlugin.js';
import { NormalizedBlock } from './NormalizedBlock.js';

const OPTIONS = ['units', 'activation', 'batchNorm', 'bias'] as const;

/**
 * The `dense` layer kind (a spec without `type` is one): `Dense` (x·W + b → activation), or with
 * `batchNorm` a {@link NormalizedBlock} (x·W → batch norm → activation, no bias: β shifts instead).
 * Its input is flattened to its feature size; its output is `[units]`.
 *
 * @example
 * ```ts
 * const options = denseLayerKind.readOptions({ units: 64, activation: 'relu' }, 'network.layers[0]');
 * denseLayerKind.outputShape([784], options);   // [64]
 * denseLayerKind.tensorShapes([784], options);  // { parameters: [[784, 64], [1, 64]], buffers: [] }
 * ```
 */
export const denseLayerKind: LayerPlugin<DenseLayerOptions> = {
  name: 'dense',
  description: 'fully connected: f(x·W + b); options units, activation, batchNorm (linear → batch norm → f), bias (default true)',
  optionNames: OPTIONS,
  readOptions(spec, path) {
    const { units, activation, batchNorm, bias } = readOptions(path, spec, OPTIONS);
    if (typeof units !== 'number' || !Number.isInteger(units) || units < 1) {
      throw new ConfigError(`${path}.units`, `expected a positive integer, got ${describeValue(units)}`);
    }
    if (activation !== undefined && (typeof activation !== 'string' || activation === '')) {
      throw new ConfigError(`${path}.activation`, `expected an activation name or a mathjs formula of x, got ${describeValue(activation)}`);
    }
    for (const [key, value] of [['batchNorm', batchNorm], ['bias', bias]] as const) {
      if (value !== undefined && typeof value !== 'boolean') throw new ConfigError(`${path}.${key}`, `expected true or false, got ${describeValue(value)}`);
    }
    return spec as unknown as DenseLayerOptions;
  },
  outputShape: (_input, { units }) => [units],
  tensorShapes(input, { units, batchNorm, bias }) {
    const row: MatrixShape = [1, units];
    const weights: MatrixShape = [featureSize(input), units];
    if (batchNorm) {
      // γ and β are trained; running mean and variance, batch mean, variance, 1/σ and a row buffer are not.
      return { parameters: [weights, row, row], buffers: [row, row, row, row, row, row] };
    }
    return { parameters: bias ?? true ? [weights, row] : [weights], buffers: [] };
  },
  create(input, options, { backend, activation, initialiser, optimiser, rng }) {
    const inputSize = featureSize(input);
    const outputSize = options.units;
    const f = activation(options.activation);
    if (!options.batchNorm) {
      return new Dense(backend, { inputSize, outputSize, activation: f, bias: options.bias ?? true, initialiser, optimiser, rng });
    }
    const dense = new Dense(backend, { inputSize, outputSize, activation: activation('identity'), bias: false, initialiser, optimiser, rng });
    return new NormalizedBlock(dense, new BatchNorm(backend, { size: outputSize, optimiser }), f);
  },
  describe: ({ units, activation, batchNorm }) => `${units} ${activation ?? 'units'}${batchNorm ? ' + batch norm' : ''}`,
};

import { ConfigError, describeValue, readOptions, type DropoutLayerOptions } from '@synthgrad/core';
import { Dropout } from './Dropout.js';
import { featureSize } from './FeatureShape.js';
import type { LayerPlugin } from './LayerPlugin.js';

const OPTIONS = ['rate'] as const;

/**
 * The `dropout` layer kind: {@link Dropout} with `rate` in [0, 1), the identity in evaluation. It has
 * no parameters; its masks come from a fork of the network's stream, taken when it is built.
 *
 * @example
 * ```ts
 * const layers = [{ units: 128, activation: 'relu' }, { type: 'dropout', rate: 0.5 }, { units: 10 }];
 * ```
 */
export const dropoutLayerKind: LayerPlugin<DropoutLayerOptions> = {
  name: 'dropout',
  description: 'inverted dropout: zeroes each unit with probability rate in training, scales the rest by 1/(1 − rate); identity in evaluation',
  optionNames: OPTIONS,
  readOptions(spec, path) {
    const { rate } = readOptions(path, spec, OPTIONS);
    if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) {
      throw new ConfigError(`${path}.rate`, `expected a probability in [0, 1), got ${describeValue(rate)}`);
    }
    return { rate };
  },
  outputShape: (input) => input,
  tensorShapes: () => ({ parameters: [], buffers: [] }),
  create: (input, { rate }, { backend, rng }) => new Dropout(backend, { size: featureSize(input), rate, rng: rng.fork() }),
  describe: ({ rate }) => `dropout ${rate}`,
};

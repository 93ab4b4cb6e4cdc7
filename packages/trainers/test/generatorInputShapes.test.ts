import { GeneratorInputPlugin, type LayerShape, type LayerSpec } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { LayerPlugin } from '@synthgrad/layers';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { createTrainer } from '../src/index.js';
import { testContainer } from './support.js';

/** A user's generator input written against the older contract: it reads only widths, and records the shapes it was given. */
function recordingInput(seen: LayerShape[]): GeneratorInputPlugin {
  return {
    name: 'recording',
    description: 'the layer output, recording the layer shape it was created for',
    create: (shape) => {
      seen.push(shape);
      return { size: shape.outputSize, features: (context) => context.layerOutput };
    },
  };
}

/** A user's layer kind whose output is a feature map: [2, 3, 1] from [6], values unchanged. */
const asMapKind: LayerPlugin<Record<string, never>> = {
  name: 'as-map',
  description: 'views six features as a 2 × 3 × 1 map',
  optionNames: [],
  readOptions: () => ({}),
  outputShape: () => [2, 3, 1],
  tensorShapes: () => ({ parameters: [], buffers: [] }),
  describe: () => 'as 2×3×1',
  create: () => ({
    inputSize: 6,
    outputSize: 6,
    forward: (x) => x,
    backward: (g) => g,
    update: () => {},
    parameters: () => [],
    state: () => ({}),
  }),
};

describe('generator inputs receive feature shapes', () => {
  it('gives each decoupled layer its input and output shapes as the layer kinds declare them, beside the widths', async () => {
    const seen: LayerShape[] = [];
    const module = new ContainerModule((options) => {
      options.bind(GeneratorInputPlugin).toConstantValue(recordingInput(seen));
      options.bind(LayerPlugin).toConstantValue(asMapKind as LayerPlugin);
    });
    const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 5, seed: 1 });
    const layers = [{ units: 6 }, { type: 'as-map' } as unknown as LayerSpec, { type: 'dropout', rate: 0.5 } as LayerSpec, { units: data.labelSize }];
    createTrainer(testContainer({ modules: [module] }), data, {
      algorithm: 'dni',
      options: { generatorInput: 'recording' },
      network: { layers },
      seed: 1,
    });
    expect(seen.map(({ inputShape, outputShape, inputSize, outputSize }) => ({ inputShape, outputShape, inputSize, outputSize }))).toEqual([
      { inputShape: [data.inputSize], outputShape: [6], inputSize: data.inputSize, outputSize: 6 },
      { inputShape: [6], outputShape: [2, 3, 1], inputSize: 6, outputSize: 6 },
      { inputShape: [2, 3, 1], outputShape: [2, 3, 1], inputSize: 6, outputSize: 6 },
    ]);
  });
});

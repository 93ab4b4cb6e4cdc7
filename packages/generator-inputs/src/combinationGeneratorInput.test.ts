import {
  ConfigError,
  PluginRegistry,
  UnknownPluginError,
  type GeneratorInputPlugin,
  type LayerShape,
} from '@synthgrad/core';
import { CpuBackend, Matrix, Rng, ShapeError } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { builtInGeneratorInputs } from './builtInGeneratorInputs.js';
import { Combination, combinationGeneratorInput } from './combinationGeneratorInput.js';
import { createGeneratorInput } from './createGeneratorInput.js';
import { describeGeneratorInputContract, randomGeneratorInputContext } from './testing/index.js';

describeGeneratorInputContract(combinationGeneratorInput, { pluginOptions: { inputs: ['labels', 'batch-normalized-output'] } });
describeGeneratorInputContract(combinationGeneratorInput, {
  pluginOptions: { inputs: ['inputs', ['labels', 'layer-output'], { name: 'batch-normalized-output', options: { momentum: 0.5 } }] },
});

const shape: LayerShape = { index: 1, count: 3, inputSize: 4, outputSize: 3, dataInputSize: 5, labelSize: 2 };
const backend = new CpuBackend();
const registry = new PluginRegistry('generator input', builtInGeneratorInputs);
const create = (spec: Parameters<typeof createGeneratorInput>[1], reg = registry) =>
  createGeneratorInput(reg, spec, shape, backend);

describe('combination', () => {
  it('puts the parts side by side in the order given', () => {
    const input = create(['labels', 'inputs', 'layer-output']);
    expect(input).toBeInstanceOf(Combination);
    expect(input.size).toBe(2 + 5 + 3);
    const context = randomGeneratorInputContext(shape, 6, new Rng(11));
    const features = input.features(context).toArray();
    const labels = context.labels.toArray();
    const inputs = context.inputs.toArray();
    const outputs = context.layerOutput.toArray();
    expect(features).toEqual(labels.map((row, r) => [...row, ...inputs[r], ...outputs[r]]));
  });

  it('gives each stateful part its own state, in step with a lone input of that kind', () => {
    const combined = create(['labels', 'batch-normalized-output']);
    const alone = create('batch-normalized-output');
    const rng = new Rng(5);
    for (const training of [true, true, false]) {
      const context = randomGeneratorInputContext(shape, 8, rng, training);
      const features = combined.features(context).toArray();
      expect(features.map((row) => row.slice(0, 2))).toEqual(context.labels.toArray());
      expect(features.map((row) => row.slice(2))).toEqual(alone.features(context).toArray());
    }
  });

  it('nests combinations and flattens their columns', () => {
    const nested = create(['inputs', ['labels', 'layer-output']]);
    const flat = create(['inputs', 'labels', 'layer-output']);
    const context = randomGeneratorInputContext(shape, 4, new Rng(2));
    expect(nested.size).toBe(flat.size);
    expect(nested.features(context).toArray()).toEqual(flat.features(context).toArray());
  });

  it('writes into a buffer reused while the batch size holds', () => {
    const input = create(['labels', 'layer-output']);
    const rng = new Rng(9);
    const first = input.features(randomGeneratorInputContext(shape, 7, rng));
    expect(input.features(randomGeneratorInputContext(shape, 7, rng))).toBe(first);
    expect(input.features(randomGeneratorInputContext(shape, 8, rng)).rows).toBe(8);
  });

  it('needs at least one part', () => {
    const bad = (options: unknown) => () => create({ name: 'combination', options });
    expect(bad(undefined)).toThrow(ConfigError);
    expect(bad(undefined)).toThrow('combination.inputs: must list at least one generator input spec');
    expect(bad({ inputs: [] })).toThrow('combination.inputs: must list at least one generator input spec, e.g. ["labels", "layer-output"]; got []');
    expect(bad({ inputs: 'labels' })).toThrow('got "labels"');
    expect(bad({ parts: ['labels'] })).toThrow('combination: unknown option "parts"; known: "inputs"');
  });

  it('says which part is malformed, and lets an unknown name list the known ones', () => {
    expect(() => create(['labels', 42 as never])).toThrow(ConfigError);
    expect(() => create(['labels', 42 as never])).toThrow(/^combination\.inputs\[1\]: generatorInput: expected a name/);
    expect(() => create(['labels', 'lables'])).toThrow(UnknownPluginError);
    expect(() => create(['labels', 'lables'])).toThrow(
      'unknown generator input "lables"; known: "batch-normalized-output", "combination", "inputs", "labels", "layer-output"',
    );
  });

  it('names a part whose features do not have its declared size', () => {
    const liar: GeneratorInputPlugin = {
      name: 'liar',
      description: 'claims 2 columns, gives 3',
      create: () => ({ size: 2, features: (context) => Matrix.zeros(context.labels.rows, 3) }),
    };
    const withLiar = new PluginRegistry('generator input', [...builtInGeneratorInputs, liar]);
    const input = create(['labels', 'liar'], withLiar);
    const context = randomGeneratorInputContext(shape, 4, new Rng(1));
    expect(() => input.features(context)).toThrow(ShapeError);
    expect(() => input.features(context)).toThrow('generator input "combination": part 1 ("liar") gave 4×3, expected 4×2');
  });
});

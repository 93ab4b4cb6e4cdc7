import {
  ConfigError,
  PluginRegistry,
  UnknownPluginError,
  type GeneratorInputEnvironment,
  type GeneratorInputPlugin,
  type LayerShape,
} from '@synthgrad/core';
import { CpuBackend, Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { BatchNormalizedOutput } from './batchNormalizedOutputGeneratorInput.js';
import { builtInGeneratorInputs } from './builtInGeneratorInputs.js';
import { Combination } from './combinationGeneratorInput.js';
import { createGeneratorInput } from './createGeneratorInput.js';

const shape: LayerShape = { index: 0, count: 2, inputSize: 6, outputSize: 4, dataInputSize: 6, labelSize: 3 };
const backend = new CpuBackend();

/** Records what createGeneratorInput hands to a plugin. */
function spyPlugin() {
  const calls: { shape: LayerShape; options: unknown; environment: GeneratorInputEnvironment }[] = [];
  const plugin: GeneratorInputPlugin = {
    name: 'spy',
    description: 'records its create calls',
    create(shape, options, environment) {
      calls.push({ shape, options, environment });
      return { size: 1, features: (context) => Matrix.zeros(context.labels.rows, 1) };
    },
  };
  return { plugin, calls };
}

describe('createGeneratorInput', () => {
  const { plugin: spy, calls } = spyPlugin();
  const registry = new PluginRegistry('generator input', [...builtInGeneratorInputs, spy]);
  const create = (spec: unknown) => createGeneratorInput(registry, spec as never, shape, backend);

  it('resolves a name to that plugin without options, handing it shape and backend', () => {
    calls.length = 0;
    create('spy');
    expect(calls).toHaveLength(1);
    expect(calls[0].shape).toBe(shape);
    expect(calls[0].options).toBeUndefined();
    expect(calls[0].environment.backend).toBe(backend);
  });

  it('resolves { name, options } to that plugin with those options', () => {
    calls.length = 0;
    create({ name: 'spy', options: { answer: 42 } });
    expect(calls[0].options).toEqual({ answer: 42 });
    const input = create({ name: 'batch-normalized-output', options: { momentum: 0.99 } });
    expect(input).toBeInstanceOf(BatchNormalizedOutput);
    expect((input as BatchNormalizedOutput).momentum).toBe(0.99);
  });

  it('resolves a list to a combination of its parts, built through the environment', () => {
    calls.length = 0;
    const input = create(['labels', 'spy', { name: 'spy', options: 1 }]) as Combination;
    expect(input).toBeInstanceOf(Combination);
    expect(input.size).toBe(3 + 1 + 1);
    expect(input.parts.map((part) => part.label)).toEqual(['"labels"', '"spy"', '"spy"']);
    expect(calls.map((call) => call.options)).toEqual([undefined, 1]);
    const nested = calls[0].environment.create('layer-output', shape);
    expect(nested.size).toBe(shape.outputSize);
  });

  it('throws UnknownPluginError listing the known names', () => {
    expect(() => create('lables')).toThrow(UnknownPluginError);
    expect(() => create({ name: 'bn' })).toThrow(
      'unknown generator input "bn"; known: "batch-normalized-output", "combination", "inputs", "labels", "layer-output", "spy"',
    );
  });

  it('throws ConfigError naming what is wrong with a malformed spec', () => {
    const cases: [unknown, string][] = [
      [[], 'generatorInput: an empty list combines nothing; expected a name ("labels")'],
      [42, 'generatorInput: expected a name ("labels"), a list to combine (["labels", "layer-output"]) or { name, options }; got 42'],
      [{ options: { momentum: 0.9 } }, 'got an object without a "name": {"options":{"momentum":0.9}}'],
      [{ name: 7 }, 'got an object without a "name": {"name":7}'],
      [null, 'got null'],
      [undefined, 'got undefined'],
      ['', 'got an empty name'],
    ];
    for (const [spec, message] of cases) {
      expect(() => create(spec), JSON.stringify(spec)).toThrow(ConfigError);
      expect(() => create(spec), JSON.stringify(spec)).toThrow(message);
    }
  });
});

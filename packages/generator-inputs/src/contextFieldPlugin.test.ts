import { ConfigError, PluginRegistry, type GeneratorInputContext, type LayerShape } from '@synthgrad/core';
import { CpuBackend, Matrix, ShapeError } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { builtInGeneratorInputs } from './builtInGeneratorInputs.js';
import { createGeneratorInput } from './createGeneratorInput.js';
import { inputsGeneratorInput } from './inputsGeneratorInput.js';
import { labelsGeneratorInput } from './labelsGeneratorInput.js';
import { layerOutputGeneratorInput } from './layerOutputGeneratorInput.js';
import { describeGeneratorInputContract } from './testing/index.js';

const shape: LayerShape = { index: 0, count: 2, inputSize: 24, outputSize: 16, dataInputSize: 24, labelSize: 12 };
const registry = new PluginRegistry('generator input', builtInGeneratorInputs);
const backend = new CpuBackend();
const context = (batch: number, widths: Partial<Record<'layerOutput' | 'inputs' | 'labels', number>> = {}) =>
  ({
    layerInput: Matrix.filled(batch, shape.inputSize, 0.1),
    layerOutput: Matrix.filled(batch, widths.layerOutput ?? shape.outputSize, 0.2),
    inputs: Matrix.filled(batch, widths.inputs ?? shape.dataInputSize, 1),
    labels: Matrix.filled(batch, widths.labels ?? shape.labelSize, 0),
    training: true,
  }) satisfies GeneratorInputContext;

const cases = [
  { plugin: layerOutputGeneratorInput, field: 'layerOutput', width: 'outputSize' },
  { plugin: labelsGeneratorInput, field: 'labels', width: 'labelSize' },
  { plugin: inputsGeneratorInput, field: 'inputs', width: 'dataInputSize' },
] as const;

for (const { plugin } of cases) describeGeneratorInputContract(plugin);

describe.each(cases)('$plugin.name', ({ plugin, field, width }) => {
  it(`has size ${width} and returns context.${field} itself`, () => {
    const input = createGeneratorInput(registry, plugin.name, shape, backend);
    expect(input.size).toBe(shape[width]);
    const ctx = context(10);
    expect(input.features(ctx)).toBe(ctx[field]);
  });

  it(`names the plugin, the field and both shapes when context.${field} has the wrong width`, () => {
    const input = createGeneratorInput(registry, plugin.name, shape, backend);
    const wrong = shape[width] - 1;
    const message = `generator input "${plugin.name}": context.${field} is 10×${wrong}, expected 10×${shape[width]} (${width} = ${shape[width]})`;
    expect(() => input.features(context(10, { [field]: wrong }))).toThrow(ShapeError);
    expect(() => input.features(context(10, { [field]: wrong }))).toThrow(message);
  });

  it('says when the context lacks the field', () => {
    const input = createGeneratorInput(registry, plugin.name, shape, backend);
    const { [field]: _dropped, ...rest } = context(3);
    expect(() => input.features(rest as unknown as GeneratorInputContext)).toThrow(`context.${field} is missing`);
  });

  it('refuses options and a layer shape without that width', () => {
    expect(() => createGeneratorInput(registry, { name: plugin.name, options: { scale: 2 } }, shape, backend)).toThrow(
      `${plugin.name}: unknown option "scale"; it takes no options`,
    );
    expect(() => createGeneratorInput(registry, plugin.name, { ...shape, [width]: 0 }, backend)).toThrow(ConfigError);
    expect(() => createGeneratorInput(registry, plugin.name, { ...shape, [width]: 0 }, backend)).toThrow(
      `${plugin.name}: needs a positive integer ${width}, the layer shape has ${width} = 0`,
    );
  });
});

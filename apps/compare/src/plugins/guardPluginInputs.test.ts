import { ContainerModule } from 'inversify';
import { createGeneratorInput, createSynthgradContainer, GeneratorInputPlugin, GeneratorInputRegistry, Matrix, TensorBackend, type LayerShape } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import { guardPluginInputs, LyingGeneratorInputError } from './guardPluginInputs.js';

const shape: LayerShape = { index: 0, count: 2, inputSize: 3, outputSize: 4, dataInputSize: 3, labelSize: 2 };
const context = (rows: number) => ({
  layerInput: Matrix.zeros(rows, 3),
  layerOutput: Matrix.zeros(rows, 4),
  inputs: Matrix.zeros(rows, 3),
  labels: Matrix.zeros(rows, 2),
  training: true,
});

/** Returns its batch's rows × 4, except for a batch of 5 rows, where it returns 5 × 3. */
const moody: GeneratorInputPlugin = {
  name: 'moody',
  description: 'right except for batches of 5 (tests only)',
  create: () => ({ size: 4, features: (c) => Matrix.zeros(c.layerOutput.rows, c.layerOutput.rows === 5 ? 3 : 4) }),
};

describe('guardPluginInputs', () => {
  it("passes a plugin input's right answers through and refuses a wrong one during training, naming the input and its file", () => {
    const module = new ContainerModule((options) => void options.bind(GeneratorInputPlugin).toConstantValue({ ...moody }));
    const container = createSynthgradContainer({ backend: 'cpu', modules: [module] });
    guardPluginInputs(container, [module], ['/plugins/moody.js']);
    const input = createGeneratorInput(container.get(GeneratorInputRegistry), 'moody', shape, container.get(TensorBackend));
    expect(input.features(context(2)).cols).toBe(4);
    expect(() => input.features(context(5))).toThrow(LyingGeneratorInputError);
    expect(() => input.features(context(5))).toThrow('generator input "moody" (plugin /plugins/moody.js): features() returned a 5×3 matrix; expected 5×4');
  });
});

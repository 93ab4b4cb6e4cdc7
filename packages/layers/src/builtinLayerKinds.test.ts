import { ConfigError, PluginRegistry } from '@synthgrad/core';
import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { cpu } from '../test/support/backends.js';
import { activation, initialiser, optimiser } from '../test/support/plugins.js';
import { builtinLayerKinds } from './builtinLayerKinds.js';
import { Dense } from './Dense.js';
import type { LayerEnvironment } from './LayerPlugin.js';
import { NormalizedBlock } from './NormalizedBlock.js';

const kinds = new PluginRegistry('layer kind', builtinLayerKinds);

function environment(rng: Rng, name = 'sgd'): LayerEnvironment {
  return {
    backend: cpu,
    activation: (nameOrFormula) => activation(cpu, nameOrFormula ?? 'sigmoid'),
    initialiser: initialiser('glorot-uniform'),
    optimiser: optimiser(cpu, name),
    rng,
    index: 0,
    count: 1,
  };
}

describe('the dense layer kind', () => {
  const dense = kinds.get('dense');

  it.each([
    [{ units: 4 }, [[6, 4], [1, 4]], 0],
    [{ units: 4, bias: false }, [[6, 4]], 0],
    [{ units: 4, batchNorm: true, activation: 'relu' }, [[6, 4], [1, 4], [1, 4]], 2],
  ])('declares the shapes of the parameters the layer it builds lists (%o)', (spec, parameters, statistics) => {
    const options = dense.readOptions(spec, 'layer');
    const shapes = dense.tensorShapes([6], options);
    expect(shapes.parameters).toEqual(parameters);
    const layer = dense.create([6], options, environment(new Rng(1)));
    expect(layer.parameters().map((p) => [p.value.rows, p.value.cols])).toEqual(parameters);
    expect(layer.outputSize).toBe(dense.outputShape([6], options)[0]);
    // Batch norm's running mean and variance are state beside the parameters; the other four buffers are scratch.
    const state = Object.keys(layer.state()).filter((name) => /running/.test(name));
    expect(state).toHaveLength(statistics);
    expect(shapes.buffers).toHaveLength(statistics === 0 ? 0 : 6);
  });

  it('builds the same layer, drawing the same numbers, as Dense built by hand', () => {
    const options = dense.readOptions({ units: 3, activation: 'tanh' }, 'layer');
    const rng = new Rng(9);
    const fromKind = dense.create([5], options, environment(rng)) as Dense;
    const handRng = new Rng(9);
    const byHand = new Dense(cpu, {
      inputSize: 5,
      outputSize: 3,
      activation: activation(cpu, 'tanh'),
      initialiser: initialiser('glorot-uniform'),
      optimiser: optimiser(cpu),
      rng: handRng,
    });
    expect(fromKind).toBeInstanceOf(Dense);
    expect(Array.from(fromKind.weights.data)).toEqual(Array.from(byHand.weights.data));
    // Both streams stand at the same place afterwards.
    expect(rng.uniform()).toBe(handRng.uniform());
    const x = Matrix.fromRows([[0.1, -0.2, 0.3, 0.4, -0.5]]);
    expect(Array.from(fromKind.forward(x, true).data)).toEqual(Array.from(byHand.forward(x, true).data));
  });

  it('builds linear → batch norm → activation with batchNorm', () => {
    const layer = dense.create([5], dense.readOptions({ units: 3, batchNorm: true }, 'layer'), environment(new Rng(1)));
    expect(layer).toBeInstanceOf(NormalizedBlock);
    expect((layer as NormalizedBlock).dense.bias).toBeNull();
  });

  it('names a bad option and the known ones', () => {
    expect(() => dense.readOptions({ units: 4, unit: 3 }, 'network.layers[1]')).toThrow(
      new ConfigError('network.layers[1]', 'unknown option "unit"; known: "units", "activation", "batchNorm", "bias"; did you mean "units"?'),
    );
    expect(() => dense.readOptions({ units: 0 }, 'network.layers[1]')).toThrow('network.layers[1].units: expected a positive integer, got 0');
    expect(() => dense.readOptions({}, 'l')).toThrow('l.units: expected a positive integer, got undefined');
    expect(() => dense.readOptions({ units: 2, bias: 'no' }, 'l')).toThrow('l.bias: expected true or false, got "no"');
    expect(() => dense.readOptions({ units: 2, activation: '' }, 'l')).toThrow('l.activation: expected an activation name');
  });

  it('describes itself in a few words', () => {
    expect(dense.describe({ units: 32, activation: 'relu', batchNorm: true })).toBe('32 relu + batch norm');
    expect(dense.describe({ units: 8, bias: false })).toBe('8 units');
  });
});

describe('the dropout layer kind', () => {
  const dropout = kinds.get('dropout');

  it('keeps the input shape, has no parameters, and forks its stream from the network\'s when built', () => {
    const options = dropout.readOptions({ rate: 0.5 }, 'layer');
    expect(dropout.outputShape([7], options)).toEqual([7]);
    expect(dropout.tensorShapes([7], options)).toEqual({ parameters: [], buffers: [] });
    const rng = new Rng(2);
    const layer = dropout.create([7], options, environment(rng));
    expect(layer.parameters()).toEqual([]);
    const expected = new Rng(2);
    expected.fork();
    expect(rng.uniform()).toBe(expected.uniform());
    expect(dropout.describe(options)).toBe('dropout 0.5');
  });

  it('names a bad option and the known ones', () => {
    expect(() => dropout.readOptions({ rate: 0.5, p: 1 }, 'network.layers[2]')).toThrow(
      'network.layers[2]: unknown option "p"; known: "rate"',
    );
    expect(() => dropout.readOptions({ rate: 1 }, 'l')).toThrow('l.rate: expected a probability in [0, 1), got 1');
    expect(() => dropout.readOptions({}, 'l')).toThrow('l.rate: expected a probability in [0, 1), got undefined');
  });
});

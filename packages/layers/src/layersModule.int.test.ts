import { createContainer, TensorBackend, UnknownPluginError } from '@synthgrad/core';
import { Matrix, type TensorBackend as Backend } from '@synthgrad/tensor';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { ActivationPlugin, ActivationRegistry, type Activation } from './Activation.js';
import { InitialiserRegistry } from './Initialiser.js';
import { LayerPlugin, LayerRegistry } from './LayerPlugin.js';
import { layersModule } from './layersModule.js';
import { LossRegistry } from './Loss.js';
import { OptimiserRegistry } from './Optimiser.js';
import { resolveActivation } from './resolveActivation.js';

/** An activation plugin as a user would add it, from a module of their own. */
const leakyRelu: ActivationPlugin = {
  name: 'leaky-relu',
  description: 'max(0.01 z, z)',
  create: (backend: Backend): Activation => ({
    name: 'leaky-relu',
    forward: (z, out) => backend.map(z, (v) => (v > 0 ? v : 0.01 * v), out),
    backward: (g, z, _y, out) => backend.mul(g, backend.map(z, (v) => (v > 0 ? 1 : 0.01)), out),
  }),
};
const userModule = new ContainerModule((options) => {
  options.bind(ActivationPlugin).toConstantValue(leakyRelu);
});

describe('layersModule', () => {
  const container = createContainer({ modules: [layersModule] });

  it('binds every built-in under its registry', () => {
    expect(container.get(ActivationRegistry).names()).toEqual(['identity', 'relu', 'sigmoid', 'softmax', 'tanh']);
    expect(container.get(LossRegistry).names()).toEqual(['mse', 'softmax-cross-entropy', 'tutorial-delta']);
    expect(container.get(InitialiserRegistry).names()).toEqual(['glorot-uniform', 'he-normal', 'tutorial', 'zeros']);
    expect(container.get(OptimiserRegistry).names()).toEqual(['adam', 'momentum', 'rmsprop', 'sgd']);
    expect(container.get(LayerRegistry).names()).toEqual(['dense', 'dropout']);
  });

  it("sees a user's layer kind from another module, and lists the kinds for an unknown one", () => {
    const identity: LayerPlugin = {
      ...container.get(LayerRegistry).get('dropout'),
      name: 'my-identity',
      description: 'a user kind',
    };
    const withUser = createContainer({
      modules: [layersModule, new ContainerModule((options) => void options.bind(LayerPlugin).toConstantValue(identity))],
    });
    expect(withUser.get(LayerRegistry).names()).toEqual(['dense', 'dropout', 'my-identity']);
    expect(() => withUser.get(LayerRegistry).get('conv')).toThrow('unknown layer kind "conv"; known: "dense", "dropout", "my-identity"');
  });

  it('resolves plugins by name and builds them on the container backend', () => {
    const backend = container.get(TensorBackend);
    const sigmoid = container.get(ActivationRegistry).get('sigmoid').create(backend);
    expect(sigmoid.forward(Matrix.fromArray([[0]])).get(0, 0)).toBe(0.5);
    expect(container.get(LossRegistry).get('mse').create(backend).name).toBe('mse');
    expect(container.get(OptimiserRegistry).get('adam').create(backend, { beta1: 0.8 }).name).toBe('adam');
    expect(container.get(InitialiserRegistry).get('zeros').create().name).toBe('zeros');
  });

  it('lists the known names for an unknown one', () => {
    expect(() => container.get(OptimiserRegistry).get('adamw')).toThrow(UnknownPluginError);
    expect(() => container.get(OptimiserRegistry).get('adamw')).toThrow(
      'unknown optimiser "adamw"; known: "adam", "momentum", "rmsprop", "sgd"',
    );
    expect(() => container.get(LossRegistry).get('cross-entropy')).toThrow(
      'unknown loss "cross-entropy"; known: "mse", "softmax-cross-entropy", "tutorial-delta"',
    );
  });

  it("sees a user's activation from another module, also through resolveActivation", () => {
    const withUser = createContainer({ modules: [layersModule, userModule], backend: 'mathjs' });
    const registry = withUser.get(ActivationRegistry);
    expect(registry.names()).toContain('leaky-relu');
    const leaky = resolveActivation(registry, 'leaky-relu', withUser.get(TensorBackend));
    expect(leaky.forward(Matrix.fromArray([[-2, 3]])).toArray()).toEqual([[-0.02, 3]]);
  });
});

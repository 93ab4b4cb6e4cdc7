import { bindPluginRegistry } from '@synthgrad/core';
import { ContainerModule } from 'inversify';
import { ActivationPlugin, ActivationRegistry } from './Activation.js';
import { builtinActivations } from './builtinActivations.js';
import { builtinInitialisers } from './builtinInitialisers.js';
import { builtinLayerKinds } from './builtinLayerKinds.js';
import { builtinLosses } from './builtinLosses.js';
import { builtinOptimisers } from './builtinOptimisers.js';
import { InitialiserPlugin, InitialiserRegistry } from './Initialiser.js';
import { LayerPlugin, LayerRegistry } from './LayerPlugin.js';
import { LossPlugin, LossRegistry } from './Loss.js';
import { OptimiserPlugin, OptimiserRegistry } from './Optimiser.js';

/**
 * The registries of layer kinds, activations, losses, initialisers and optimisers, and every built-in of each.
 * Another module can add plugins under the same tokens; the registries see them all.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [layersModule] });
 * const sigmoid = container.get(ActivationRegistry).get('sigmoid').create(container.get(TensorBackend));
 * ```
 */
export const layersModule = new ContainerModule((options) => {
  bindPluginRegistry(options, ActivationRegistry, ActivationPlugin, 'activation');
  bindPluginRegistry(options, LossRegistry, LossPlugin, 'loss');
  bindPluginRegistry(options, InitialiserRegistry, InitialiserPlugin, 'initialiser');
  bindPluginRegistry(options, OptimiserRegistry, OptimiserPlugin, 'optimiser');
  bindPluginRegistry(options, LayerRegistry, LayerPlugin, 'layer kind');
  for (const plugin of builtinActivations) options.bind(ActivationPlugin).toConstantValue(plugin);
  for (const plugin of builtinLosses) options.bind(LossPlugin).toConstantValue(plugin);
  for (const plugin of builtinInitialisers) options.bind(InitialiserPlugin).toConstantValue(plugin);
  for (const plugin of builtinOptimisers) options.bind(OptimiserPlugin).toConstantValue(plugin);
  for (const plugin of builtinLayerKinds) options.bind(LayerPlugin).toConstantValue(plugin);
});

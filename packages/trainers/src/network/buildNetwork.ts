import { ConfigError, type TrainerContext } from '@synthgrad/core';
import { featureSize, resolveActivation, resolveLayers, type Layer, type Optimiser } from '@synthgrad/layers';
import type { LayerRegistries } from './LayerRegistries.js';
import { Network } from './Network.js';
import { resolvePluginSpec } from './resolvePluginSpec.js';
import { TASK_DEFAULTS } from './taskDefaults.js';

/** Defaults by task: the tutorial's sigmoid + `out − y` for bits; logits + softmax cross-entropy for classes. */
const DEFAULTS = TASK_DEFAULTS;

/**
 * Builds the network a {@link TrainerContext} describes: each layer by its kind (`LayerPlugin`,
 * `dense` for a spec without `type`), in order, from one initialiser, one optimiser instance and
 * `context.rng`. The last layer's output must be as wide as the labels.
 */
export function buildNetwork(context: TrainerContext, registries: LayerRegistries): Network {
  const { network: spec, backend, rng } = context;
  if (spec.layers.length === 0) throw new ConfigError('network.layers', 'needs at least one layer');
  const defaults = DEFAULTS[context.task];
  const initialiser = resolveInitialiser(registries, spec.initialiser ?? 'tutorial');
  const optimiser = resolveOptimiser(registries, context, spec.optimiser ?? 'sgd');
  const resolved = resolveLayers(spec.layers, [context.inputSize], registries.layerKinds);
  const last = resolved[resolved.length - 1];
  const outputs = featureSize(last.outputShape, last.path);
  if (outputs !== context.labelSize) {
    const units = (spec.layers[resolved.length - 1] as { readonly units?: unknown }).units;
    throw new ConfigError(
      typeof units === 'number' ? `${last.path}.units` : last.path,
      `the output layer has ${outputs} units but the labels have ${context.labelSize} columns`,
    );
  }
  const count = resolved.length;
  const layers: Layer[] = resolved.map(({ plugin, options, inputShape }, index) => {
    const fallback = index === count - 1 ? defaults.output : defaults.hidden;
    return plugin.create(inputShape, options, {
      backend,
      activation: (nameOrFormula) => resolveActivation(registries.activations, nameOrFormula ?? fallback, backend),
      initialiser,
      optimiser,
      rng,
      index,
      count,
    });
  });
  const loss = registries.losses.get(spec.loss ?? defaults.loss).create(backend);
  return new Network(layers, loss, resolved.map(({ inputShape, outputShape }) => ({ input: inputShape, output: outputShape })));
}

export function resolveInitialiser(registries: LayerRegistries, spec: NonNullable<TrainerContext['network']['initialiser']>) {
  const { plugin, options } = resolvePluginSpec(registries.initialisers, spec);
  return plugin.create(options);
}

export function resolveOptimiser(
  registries: LayerRegistries,
  context: Pick<TrainerContext, 'backend'>,
  spec: NonNullable<TrainerContext['network']['optimiser']>,
): Optimiser {
  const { plugin, options } = resolvePluginSpec(registries.optimisers, spec);
  return plugin.create(context.backend, options);
}

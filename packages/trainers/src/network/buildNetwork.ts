import { ConfigError, type TrainerContext } from '@synthgrad/core';
import { BatchNorm, Dense, resolveActivation, type Layer, type Optimiser } from '@synthgrad/layers';
import type { LayerRegistries } from './LayerRegistries.js';
import { Network } from './Network.js';
import { NormalizedBlock } from './NormalizedBlock.js';
import { resolvePluginSpec } from './resolvePluginSpec.js';

/** Defaults by task: the tutorial's sigmoid + `out − y` for bits; logits + softmax cross-entropy for classes. */
const DEFAULTS = {
  'binary-digits': { hidden: 'sigmoid', output: 'sigmoid', loss: 'tutorial-delta' },
  classification: { hidden: 'relu', output: 'identity', loss: 'softmax-cross-entropy' },
} as const;

/**
 * Builds the network a {@link TrainerContext} describes: Dense layers (linear → batch norm →
 * activation where `batchNorm` is set), initialised from `context.rng`, one optimiser instance.
 */
export function buildNetwork(context: TrainerContext, registries: LayerRegistries): Network {
  const { network: spec, backend, rng } = context;
  if (spec.layers.length === 0) throw new ConfigError('network.layers', 'needs at least one layer');
  const defaults = DEFAULTS[context.task];
  const initialiser = resolveInitialiser(registries, spec.initialiser ?? 'tutorial');
  const optimiser = resolveOptimiser(registries, context, spec.optimiser ?? 'sgd');
  const layers: Layer[] = [];
  let inputSize = context.inputSize;
  spec.layers.forEach((layerSpec, i) => {
    const path = `network.layers[${i}]`;
    if (!Number.isInteger(layerSpec.units) || layerSpec.units < 1) {
      throw new ConfigError(`${path}.units`, `expected a positive integer, got ${layerSpec.units}`);
    }
    const isOutput = i === spec.layers.length - 1;
    if (isOutput && layerSpec.units !== context.labelSize) {
      throw new ConfigError(
        `${path}.units`,
        `the output layer has ${layerSpec.units} units but the labels have ${context.labelSize} columns`,
      );
    }
    const activation = resolveActivation(
      registries.activations,
      layerSpec.activation ?? (isOutput ? defaults.output : defaults.hidden),
      backend,
    );
    const outputSize = layerSpec.units;
    if (layerSpec.batchNorm) {
      const dense = new Dense(backend, {
        inputSize,
        outputSize,
        activation: resolveActivation(registries.activations, 'identity', backend),
        bias: false,
        initialiser,
        optimiser,
        rng,
      });
      layers.push(new NormalizedBlock(dense, new BatchNorm(backend, { size: outputSize, optimiser }), activation));
    } else {
      layers.push(
        new Dense(backend, { inputSize, outputSize, activation, bias: layerSpec.bias ?? true, initialiser, optimiser, rng }),
      );
    }
    inputSize = outputSize;
  });
  const loss = registries.losses.get(spec.loss ?? defaults.loss).create(backend);
  return new Network(layers, loss);
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

import { ConfigError } from '@synthgrad/core';
import { Dense, NormalizedBlock, type Layer } from '@synthgrad/layers';

/** A layer whose gradient goes down through a weight matrix that a feedback matrix can replace. */
export type WeightedLayer = Dense | NormalizedBlock;

/** `layer` as a {@link WeightedLayer}, or a `ConfigError` naming it (`network.layers[i]`). */
export function weightedLayer(layer: Layer, index: number): WeightedLayer {
  if (layer instanceof Dense || layer instanceof NormalizedBlock) return layer;
  throw new ConfigError(`network.layers[${index}]`, 'feedback matrices need a dense layer (with or without batch norm)');
}

/** The weight matrix of a {@link WeightedLayer} (inputSize × outputSize). */
export function weightsOf(layer: WeightedLayer): Dense['weights'] {
  return layer instanceof Dense ? layer.weights : layer.dense.weights;
}

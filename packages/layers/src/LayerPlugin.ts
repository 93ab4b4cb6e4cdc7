import { boundBy, type NamedPlugin, type PluginRegistry } from '@synthgrad/core';
import type { Rng, TensorBackend } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import type { Activation } from './Activation.js';
import type { FeatureShape } from './FeatureShape.js';
import type { Initialiser } from './Initialiser.js';
import type { Layer } from './Layer.js';
import { layersProvider } from './layersProvider.js';
import type { Optimiser } from './Optimiser.js';


/** A matrix's rows × cols. */
export type MatrixShape = readonly [rows: number, cols: number];

/** The matrices a layer allocates when it is built (not the per-batch buffers), by shape. */
export interface LayerTensorShapes {
  /** Trained matrices in the order the layer lists them: each also has a gradient and its optimiser's state. */
  readonly parameters: readonly MatrixShape[];
  /** Matrices kept besides, not trained: running statistics, per-column scratch rows. */
  readonly buffers: readonly MatrixShape[];
}

/** Where a layer sits and what the network gives it to be built with, resolved once per network. */
export interface LayerEnvironment {
  readonly backend: TensorBackend;
  /**
   * The activation `nameOrFormula` names (a registered name or a mathjs formula of x); for
   * `undefined`, the network's default for the layer's place (hidden or output, by the dataset's task).
   */
  activation(nameOrFormula: string | undefined): Activation;
  /** The network's initialiser (one for every layer). */
  readonly initialiser: Initialiser;
  /** The network's optimiser: attach it to each trained matrix. */
  readonly optimiser: Optimiser;
  /**
   * The network's random stream, shared by its layers in order: a kind draws from it only while it
   * is built (its initialisation, or a {@link Rng.fork} for draws during training), always in the
   * same order, so a seed gives the same network.
   */
  readonly rng: Rng;
  /** 0-based position of the layer in the network. */
  readonly index: number;
  /** Number of layers in the network. */
  readonly count: number;
}

/**
 * A kind of layer, named by `type` in a `LayerSpec` (`dense`, `dropout`, or one a module adds).
 * A spec's fields besides `type` are the kind's options. Everything that reads a network — building
 * it, estimating its memory, checking a suite, describing it in reports and the playground — asks
 * the kind, so a new kind is one plugin.
 *
 * @example
 * ```ts
 * const scale: LayerPlugin<{ factor: number }> = {
 *   name: 'scale',
 *   description: 'multiplies its input by a constant factor',
 *   optionNames: ['factor'],
 *   readOptions: (spec, path) => {
 *     const { factor } = readOptions(path, spec, ['factor']);
 *     if (typeof factor !== 'number') throw new ConfigError(`${path}.factor`, 'expected a number');
 *     return { factor };
 *   },
 *   outputShape: (input) => input,
 *   tensorShapes: () => ({ parameters: [], buffers: [] }),
 *   create: (input, { factor }, { backend }) => new ScaleLayer(backend, input[0], factor),
 *   describe: ({ factor }) => `× ${factor}`,
 * };
 * container.load(new ContainerModule(({ bind }) => bind(LayerPlugin).toConstantValue(scale)));
 * ```
 */
export interface LayerPlugin<O = unknown> extends NamedPlugin {
  /** The options a spec of this kind may have besides `type`, for messages and listings. */
  readonly optionNames: readonly string[];
  /**
   * Checks a spec's options (the spec without `type`) and returns them complete; throws a
   * `ConfigError` at `path.<key>` naming a bad key and the known ones (`readOptions` from core).
   */
  readOptions(spec: Readonly<Record<string, unknown>>, path: string): O;
  /** The feature shape of its output for an input of feature shape `input`. */
  outputShape(input: FeatureShape, options: O): FeatureShape;
  /** What {@link create} allocates for `input` (memory estimates are summed from it). */
  tensorShapes(input: FeatureShape, options: O): LayerTensorShapes;
  /** Builds the layer for inputs of feature shape `input`. */
  create(input: FeatureShape, options: O, environment: LayerEnvironment): Layer;
  /** A few words for reports and the playground's diagram: `"128 relu + batch norm"`, `"dropout 0.5"`. */
  describe(options: O): string;
}
export const LayerPlugin: ServiceIdentifier<LayerPlugin> = Symbol.for('synthgrad.LayerPlugin');

export type LayerRegistry = PluginRegistry<LayerPlugin>;
export const LayerRegistry: ServiceIdentifier<LayerRegistry> = boundBy(Symbol.for('synthgrad.LayerRegistry'), layersProvider);

import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import type { NamedPlugin } from './NamedPlugin.js';
import type { PluginRegistry } from './PluginRegistry.js';

/** Where a decoupled layer sits, as a generator input sees it. */
export interface LayerShape {
  /** 0-based position of the layer in the network. */
  readonly index: number;
  /** Number of layers in the network. */
  readonly count: number;
  /** Width of the layer's input `h_{i-1}`. */
  readonly inputSize: number;
  /** Width of the layer's output `h_i` (and of the synthetic gradient). */
  readonly outputSize: number;
  /** Width of the network's input `x`. */
  readonly dataInputSize: number;
  /** Width of the labels `y`. */
  readonly labelSize: number;
  /**
   * What one row of `h_{i-1}` holds, outermost first (`[inputSize]` for a vector; `[height, width,
   * channels]` for a feature map, stored row-major), as the layer kinds declare it. Trainers always
   * give it; absent only where a shape is built by hand against the older contract.
   */
  readonly inputShape?: readonly number[];
  /** What one row of `h_i` (and of the synthetic gradient) holds; see {@link inputShape}. */
  readonly outputShape?: readonly number[];
}

/** Everything a generator input may look at for one batch (all batch × width). */
export interface GeneratorInputContext {
  /** `h_{i-1}`, the layer's input. */
  readonly layerInput: Matrix;
  /** `h_i`, the layer's output. */
  readonly layerOutput: Matrix;
  /** `x`, the network's input. */
  readonly inputs: Matrix;
  /** `y`, the labels. */
  readonly labels: Matrix;
  /** False when features are computed for measurement only (stateful inputs must not learn). */
  readonly training: boolean;
}

/** One layer's generator input: turns a batch's context into the generator's features. */
export interface GeneratorInput {
  /** Number of feature columns produced. */
  readonly size: number;
  /** batch × size features. The returned matrix may be reused by the next call. */
  features(context: GeneratorInputContext): Matrix;
  /**
   * A stateful input's state (running statistics, …) as named live matrices, saved with the model
   * and written in place on loading. Absent for stateless inputs.
   */
  state?(): Readonly<Record<string, Matrix>>;
}

/** How a configuration names a generator input: a name, a list (a combination), or a name with options. */
export type GeneratorInputSpec =
  | string
  | readonly GeneratorInputSpec[]
  | { readonly name: string; readonly options?: unknown };

/** What a plugin gets to build its input: the backend, and a way to build other inputs (combinations). */
export interface GeneratorInputEnvironment {
  readonly backend: TensorBackend;
  create(spec: GeneratorInputSpec, shape: LayerShape): GeneratorInput;
}

/**
 * A named kind of generator input: `layer-output`, `labels`, `batch-normalized-output`, …
 * `create` is called once per decoupled layer, so an input may hold per-layer state.
 */
export interface GeneratorInputPlugin<O = unknown> extends NamedPlugin {
  create(shape: LayerShape, options: O | undefined, environment: GeneratorInputEnvironment): GeneratorInput;
}
export const GeneratorInputPlugin: ServiceIdentifier<GeneratorInputPlugin> = Symbol.for(
  'synthgrad.GeneratorInputPlugin',
);

export type GeneratorInputRegistry = PluginRegistry<GeneratorInputPlugin>;
export const GeneratorInputRegistry: ServiceIdentifier<GeneratorInputRegistry> = Symbol.for(
  'synthgrad.GeneratorInputRegistry',
);

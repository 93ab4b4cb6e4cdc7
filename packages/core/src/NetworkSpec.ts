/** A plugin named with optional options, as configurations write it: `"adam"` or `{ name: "adam", options: {...} }`. */
export type PluginSpec = string | { readonly name: string; readonly options?: Record<string, unknown> };

/** The options of a fully connected layer (kind `dense`). */
export interface DenseLayerOptions {
  readonly units: number;
  /**
   * Activation plugin name or a mathjs expression of `x`. Default by the dataset's task: sigmoid
   * everywhere for `binary-digits`; relu hidden and identity output (logits) for `classification`.
   */
  readonly activation?: string;
  /** Batch normalisation before the activation (default false). */
  readonly batchNorm?: boolean;
  /** A bias vector (default true). */
  readonly bias?: boolean;
}

/** The options of a dropout layer (kind `dropout`): identity in evaluation. */
export interface DropoutLayerOptions {
  /** Probability, in [0, 1), that a unit is zeroed in training; the kept ones are scaled by 1 / (1 − rate). */
  readonly rate: number;
}

/**
 * The options of each layer kind by its `type`. A package that registers a layer kind adds its own
 * by declaration merging, so `tsc` checks specs naming it:
 *
 * @example
 * ```ts
 * declare module '@synthgrad/core' {
 *   interface LayerOptionsMap { scale: { readonly factor: number } }
 * }
 * const layer: LayerSpec = { type: 'scale', factor: 2 };
 * ```
 * A kind missing from the map still runs when its plugin is registered (a suite read from JSON);
 * its plugin checks the options when the network is built either way.
 */
export interface LayerOptionsMap {
  dense: DenseLayerOptions;
  dropout: DropoutLayerOptions;
}

/** A layer spec of kind `K`: its `type` and its options, side by side. */
export type LayerSpecOf<K extends keyof LayerOptionsMap> = { readonly type: K } & LayerOptionsMap[K];

/** A dense layer as every spec wrote it before layer kinds: no `type`. */
export type DenseLayerSpec = DenseLayerOptions & { readonly type?: 'dense' };

/**
 * One layer of a network, discriminated by `type` (a registered `LayerPlugin`'s name). A spec
 * without `type` is `dense`, so every spec written before layer kinds means what it meant.
 *
 * @example
 * ```ts
 * const layers: LayerSpec[] = [{ units: 128, activation: 'relu' }, { type: 'dropout', rate: 0.2 }, { type: 'dense', units: 10 }];
 * ```
 */
export type LayerSpec = DenseLayerSpec | { [K in keyof LayerOptionsMap]: LayerSpecOf<K> }[keyof LayerOptionsMap];

/** A feed-forward network as plain data; its input width comes from the dataset. */
export interface NetworkSpec {
  /** Hidden layers then the output layer. */
  readonly layers: readonly LayerSpec[];
  /** Loss plugin name (default by task: `tutorial-delta` for `binary-digits`, `softmax-cross-entropy` for `classification`). */
  readonly loss?: string;
  readonly initialiser?: PluginSpec;
  readonly optimiser?: PluginSpec;
  /** The layers' learning rate: a number, or a mathjs expression of `epoch` and `step`. */
  readonly learningRate?: number | string;
}

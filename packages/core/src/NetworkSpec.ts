/** A plugin named with optional options, as configurations write it: `"adam"` or `{ name: "adam", options: {...} }`. */
export type PluginSpec = string | { readonly name: string; readonly options?: Record<string, unknown> };

/** One fully connected layer. */
export interface LayerSpec {
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

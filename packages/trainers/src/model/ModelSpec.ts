import type { DatasetTask } from '@synthgrad/core';
import type { DType } from '@synthgrad/tensor';
import type { TrainerSpec } from '../createTrainer.js';

/**
 * Everything needed to rebuild a saved trainer without its original code: the trainer spec it was
 * created with, the sizes and task of the data it was trained on, and what computed it. Kept in a
 * saved folder's `manifest.json` as `model` (see {@link describeModel}, `saveModelState`), so that
 * `loadModel(folder)` of `synthgrad/node` needs nothing else.
 *
 * @example
 * ```ts
 * const model: ModelSpec = {
 *   trainer: { algorithm: 'backprop', network: { layers: [{ units: 8 }, { units: 2 }] }, seed: 1 },
 *   dataset: { name: 'my-data', task: 'classification', inputSize: 4, labelSize: 2 },
 *   dtype: 'float64', backend: 'wasm', synthgradVersion: '0.1.0',
 * };
 * ```
 */
export interface ModelSpec {
  /** The algorithm, its options, the network spec and the seed, as given to `createTrainer`. */
  readonly trainer: TrainerSpec;
  /** The data the network was built for: its name, task and the widths of inputs and labels. */
  readonly dataset: ModelDataset;
  /** The dtype of the matrices the trainer computed with. */
  readonly dtype: DType;
  /** The tensor backend it computed with (`wasm`, `cpu`, …); a loader may choose another. */
  readonly backend?: string;
  /** The version of the `synthgrad` package that saved it. */
  readonly synthgradVersion: string;
}

/** What a {@link ModelSpec} keeps of the dataset: enough to rebuild the network, no data. */
export interface ModelDataset {
  readonly name: string;
  readonly task: DatasetTask;
  readonly inputSize: number;
  readonly labelSize: number;
}

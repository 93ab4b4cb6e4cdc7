import type { Matrix, Rng, TensorBackend } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import type { DatasetTask } from './Dataset.js';
import type { NamedPlugin } from './NamedPlugin.js';
import type { NetworkSpec } from './NetworkSpec.js';
import type { PluginRegistry } from './PluginRegistry.js';

/** One minibatch: rows are examples. */
export interface Batch {
  readonly inputs: Matrix;
  readonly labels: Matrix;
}

/** What one step reports. */
export interface StepMetrics {
  /** Mean loss of the batch before the step's updates. */
  readonly loss: number;
}

/** How close a layer's synthetic gradient is to the true one on a batch. */
export interface GradientAlignment {
  readonly layer: number;
  /** Cosine similarity of synthetic and true gradient (1 = same direction). */
  readonly cosine: number;
  /** ‖synthetic − true‖ / ‖true‖. */
  readonly relativeError: number;
}

/** How one batch changes a network: backprop, DNI, … */
export interface TrainerAlgorithm {
  readonly name: string;
  step(batch: Batch, progress: { readonly epoch: number; readonly step: number }): StepMetrics;
  /** Network outputs in evaluation mode; changes nothing. The result may be a buffer reused by the next call. */
  predict(inputs: Matrix): Matrix;
  /** The training loss of `outputs` (from `predict`) against `labels`, mean over the batch. */
  loss(outputs: Matrix, labels: Matrix): number;
  /**
   * Compares each layer's synthetic gradient with the true one on `batch`, for measurement only:
   * it must change no weight, generator or statistic. Absent for algorithms without synthetic gradients.
   */
  measureGradients?(batch: Batch): GradientAlignment[];
  /**
   * Everything that decides how training goes on: every layer's and generator's parameters,
   * optimiser state, statistics, and the random streams the algorithm draws from. Saving reads it,
   * loading writes into it in place, so a loaded trainer continues exactly as the saved one would.
   */
  state(): TrainerState;
}

/** Live views of a trainer's state: named matrices and named random streams. */
export interface TrainerState {
  readonly tensors: Readonly<Record<string, Matrix>>;
  readonly rngs: Readonly<Record<string, Rng>>;
}

/** What an algorithm is built from. */
export interface TrainerContext {
  readonly network: NetworkSpec;
  readonly inputSize: number;
  readonly labelSize: number;
  readonly task: DatasetTask;
  readonly backend: TensorBackend;
  readonly rng: Rng;
}

/** A named training algorithm; `create` builds the network and its training state. */
export interface TrainerAlgorithmPlugin<O = unknown> extends NamedPlugin {
  create(context: TrainerContext, options?: O): TrainerAlgorithm;
}
export const TrainerAlgorithmPlugin: ServiceIdentifier<TrainerAlgorithmPlugin> = Symbol.for(
  'synthgrad.TrainerAlgorithmPlugin',
);

export type TrainerAlgorithmRegistry = PluginRegistry<TrainerAlgorithmPlugin>;
export const TrainerAlgorithmRegistry: ServiceIdentifier<TrainerAlgorithmRegistry> = Symbol.for(
  'synthgrad.TrainerAlgorithmRegistry',
);

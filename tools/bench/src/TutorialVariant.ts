import type { Rng, TensorBackend } from '@synthgrad/tensor';
import type { BinaryAdditionDataset } from './binaryAdditionDataset.js';

/** A ready-to-train instance of the tutorial workload. */
export interface TutorialWorkload {
  /** One pass over the dataset in order, batch by batch, as the tutorial trains (no shuffling). */
  epoch(): void;
}

/**
 * One way of running the tutorial workload (raw ops, later the layers/trainers API); every
 * variant in `TUTORIAL_VARIANTS` is timed on every backend.
 */
export interface TutorialVariant {
  /** Shown in the table's first column. */
  readonly name: string;
  /** Builds the network (weights from `rng`) and all buffers; the timed `epoch` allocates nothing. */
  create(
    backend: TensorBackend,
    dataset: BinaryAdditionDataset,
    batchSize: number,
    rng: Rng,
  ): TutorialWorkload;
}

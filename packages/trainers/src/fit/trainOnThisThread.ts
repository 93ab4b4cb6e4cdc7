import type { TrainerAlgorithm } from '@synthgrad/core';
import { zerosFor, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import type { FitBatch, FitStrategy, LossSink } from './FitStrategy.js';

/**
 * The {@link FitStrategy} of a trainer on this thread: each batch is gathered into buffers reused
 * per batch size (in the backend's dtype) and stepped at once; the trainer itself makes its network
 * whole before it predicts, so draining has nothing to do. What `fit` runs.
 *
 * @example
 * ```ts
 * const session = new FitSession(trainOnThisThread(trainer, backend), dataset, backend, { epochs: 5, batchSize: 10 });
 * session.runStep();
 * ```
 */
export function trainOnThisThread(trainer: TrainerAlgorithm, backend: TensorBackend): FitStrategy {
  const buffers = new Map<number, { inputs: Matrix; labels: Matrix }>();
  return {
    trainer,
    step({ split, indices, progress }: FitBatch, losses: LossSink): void {
      let batch = buffers.get(indices.length);
      if (batch === undefined) {
        batch = { inputs: zerosFor(backend, indices.length, split.inputs.cols), labels: zerosFor(backend, indices.length, split.labels.cols) };
        buffers.set(indices.length, batch);
      }
      backend.gatherRows(split.inputs, indices, batch.inputs);
      backend.gatherRows(split.labels, indices, batch.labels);
      losses(progress.step, trainer.step(batch, progress).loss);
    },
    drain(): void {},
  };
}

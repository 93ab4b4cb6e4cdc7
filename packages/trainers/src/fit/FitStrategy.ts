import type { DatasetSplit, TrainerAlgorithm } from '@synthgrad/core';
import type { TrainingProgress } from '../schedule/compileSchedule.js';

/** One batch the loop hands a {@link FitStrategy}: rows of the training split, in the shuffled order. */
export interface FitBatch {
  /** The training split the rows come from. */
  readonly split: DatasetSplit;
  /** Row indices of the batch in `split` (a view of the epoch's order: read it before the step returns). */
  readonly indices: Int32Array;
  /** What the step's learning rates read: passes completed before it, and the steps done in the whole run. */
  readonly progress: TrainingProgress;
}

/**
 * Receives the loss of a batch when it is known: `step` is the batch's 0-based index in the whole
 * run (its `progress.step`). A trainer on this thread reports each batch's loss during its step;
 * stages on threads report a batch's loss when it reaches the last stage.
 */
export type LossSink = (step: number, loss: number) => void;

/**
 * How a run executes, for the one epoch loop ({@link fitLoop}): how a batch is stepped and how the
 * network is made whole before each evaluation. The loop owns everything else (epochs, shuffling,
 * evaluation, `stopWhen`, divergence, abort, resume and epoch records), so a run on this thread,
 * stages on threads and a step-by-step session all count, record and stop alike.
 *
 * A method may return a promise when it has to wait (a queue to another thread); such a strategy
 * runs under {@link fitWith}. `fit` and {@link FitSession} take strategies that never wait.
 *
 * @example
 * ```ts
 * // Every fifth batch is skipped: a strategy wrapping the one of a trainer on this thread.
 * const inner = trainOnThisThread(trainer, backend);
 * const sparse: FitStrategy = {
 *   trainer,
 *   step: (batch, losses) => (batch.progress.step % 5 === 4 ? losses(batch.progress.step, 0) : inner.step(batch, losses)),
 *   drain: (losses) => inner.drain(losses),
 * };
 * const result = await fitWith(sparse, dataset, backend, { epochs: 3, batchSize: 10 });
 * ```
 */
export interface FitStrategy {
  /** The trainer evaluated after every epoch (and measured, and saved): it holds the whole network once drained. */
  readonly trainer: TrainerAlgorithm;
  /** Trains on one batch, reporting to `losses` every loss that becomes known meanwhile. */
  step(batch: FitBatch, losses: LossSink): void | Promise<void>;
  /** Finishes every batch still in flight, so that `trainer` holds the network the batches so far made; reports their losses. */
  drain(losses: LossSink): void | Promise<void>;
  /**
   * Why the run failed, for an error thrown by the strategy's own machinery (a stage's thread that
   * threw, timed out or died): the run then ends `failed` with this reason. `undefined` (or no
   * method) lets the error propagate, as a trainer's own errors do.
   */
  failure?(error: unknown): string | undefined;
}

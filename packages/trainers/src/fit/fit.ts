import type { Dataset, GradientAlignment, TrainerAlgorithm } from '@synthgrad/core';
import type { TensorBackend } from '@synthgrad/tensor';
import type { EvaluationMetrics } from './evaluate.js';
import { fitLoop, type FitPause } from './fitLoop.js';
import type { EarlyStop, StopCriterion } from './StopCriterion.js';
import { trainOnThisThread } from './trainOnThisThread.js';

/** One epoch's record: what learning curves are drawn from. */
export interface EpochRecord {
  /**
   * Counted from 1: the record of epoch `e` is measured after `e` passes over the training set. (A
   * step's `progress.epoch`, which learning-rate formulas read, is the number of passes completed
   * before it: 0 during the first epoch, so it is `e − 1` during epoch `e`.)
   */
  readonly epoch: number;
  /** Mean of the step losses over the epoch (each measured before its step's updates). */
  readonly trainLoss: number;
  readonly train: EvaluationMetrics;
  /** On `dataset.validation`, when the dataset has one: what choices (best epoch, rates, ranking) read. */
  readonly validation?: EvaluationMetrics;
  readonly test: EvaluationMetrics;
  /** Per decoupled layer, synthetic vs true gradient on a fixed training batch (when measured). */
  readonly gradientAlignment?: readonly GradientAlignment[];
  /** Wall-clock seconds of the epoch, evaluation included. */
  readonly seconds: number;
  /** Wall-clock seconds of the epoch's training steps alone (evaluation excluded). */
  readonly trainSeconds?: number;
  /** Training examples per second over the epoch's steps: examples / trainSeconds. */
  readonly examplesPerSecond?: number;
}

/**
 * - `completed`: every epoch ran, or `stopWhen` ended the run early (`FitResult.stopped` says where);
 * - `diverged`: a loss or an output became NaN/±Infinity; the epochs before it are kept;
 * - `aborted`: the caller's `signal` fired;
 * - `failed`: the strategy's own machinery failed (`FitStrategy.failure`: a stage's thread threw,
 *   timed out or died); never for a trainer on this thread, whose errors are thrown.
 */
export type FitStatus = 'completed' | 'diverged' | 'aborted' | 'failed';

export interface FitResult {
  readonly status: FitStatus;
  /** Why a run did not complete. */
  readonly reason?: string;
  readonly history: readonly EpochRecord[];
  /** Set when `stopWhen` ended the run before `epochs`. */
  readonly stopped?: EarlyStop;
  /**
   * Where a completed run ended, between two epochs: pass it as `resume` (with the trainer's state
   * restored) to go on from there. Absent after divergence or an abort (they end mid-epoch).
   */
  readonly position?: FitPosition;
}

/**
 * Where a fit stands between two epochs. With the trainer's own state (`state()` /
 * `loadTrainerState`) and the same `seed`, `shuffle` and `batchSize`, it resumes a run exactly: the
 * shuffling is replayed from the seed up to `epoch` (cheap: one permutation per epoch).
 */
export interface FitPosition {
  /** Epochs finished (the next record will be epoch `epoch + 1`). */
  readonly epoch: number;
  /** Steps (batches) done so far. */
  readonly step: number;
}

export interface BatchEndEvent {
  /** Passes over the training set completed before this batch (0 during the first epoch). */
  readonly epoch: number;
  /** Batch index within the epoch. */
  readonly batch: number;
  readonly batches: number;
  /** Steps done in the whole run. */
  readonly step: number;
  readonly loss: number;
}

export interface FitOptions {
  readonly epochs: number;
  readonly batchSize: number;
  /** Reshuffle the training set every epoch (default true; false keeps the tutorial's fixed order). */
  readonly shuffle?: boolean;
  /** Seed of the shuffling (default 0). */
  readonly seed?: number;
  /** Measure synthetic-vs-true gradient alignment at each epoch end (DNI-like algorithms; default false). */
  readonly measureGradients?: boolean;
  /** Rows of the training set used for the alignment measurement (default 100). */
  readonly measurementSize?: number;
  /** Stop before `epochs` once this holds (see {@link StopCriterion}). */
  readonly stopWhen?: StopCriterion;
  /**
   * Go on from a finished fit's `position` instead of starting at the first epoch: the epochs
   * trained are `position.epoch + 1` to `epochs` (counted from 1, as the records), shuffled as the
   * uninterrupted run would have. The history returned holds only the new epochs.
   */
  readonly resume?: FitPosition;
  /** The epochs before `resume`, so that `stopWhen` judges the whole run (not returned again). */
  readonly resumeHistory?: readonly EpochRecord[];
  readonly signal?: AbortSignal;
  readonly onBatchEnd?: (event: BatchEndEvent) => void;
  readonly onEpochEnd?: (record: EpochRecord) => void;
}

/**
 * Trains `algorithm` on `dataset.train` on this thread, evaluating on every split (train, validation
 * when present, test) after every epoch: the one epoch loop ({@link fitLoop}) over
 * {@link trainOnThisThread}. Never throws for a numerical blow-up: the result says `diverged` and
 * keeps the history.
 *
 * @example
 * ```ts
 * const result = fit(trainer, dataset, backend, { epochs: 10, batchSize: 10 });
 * console.log(result.status, result.history.at(-1)?.test.exactAccuracy);
 * ```
 */
export function fit(algorithm: TrainerAlgorithm, dataset: Dataset, backend: TensorBackend, options: FitOptions): FitResult {
  return runToEnd(fitLoop(trainOnThisThread(algorithm, backend), dataset, backend, options));
}

/** Drives a loop whose strategy never waits to its end. */
function runToEnd(loop: Generator<FitPause, FitResult, void>): FitResult {
  let next = loop.next();
  while (!next.done) {
    if (next.value.type === 'wait') throw new Error('fit: the strategy waits (a queue to another thread); run it with fitWith');
    next = loop.next();
  }
  return next.value;
}

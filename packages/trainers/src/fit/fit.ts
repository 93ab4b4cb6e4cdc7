import type { Dataset, GradientAlignment, TrainerAlgorithm } from '@synthgrad/core';
import { ConfigError } from '@synthgrad/core';
import { Matrix, Rng, zerosFor, type TensorBackend } from '@synthgrad/tensor';
import { evaluate, type EvaluationMetrics } from './evaluate.js';
import { StopWhen, type EarlyStop, type StopCriterion } from './StopCriterion.js';

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
 * - `aborted`: the caller's `signal` fired.
 */
export type FitStatus = 'completed' | 'diverged' | 'aborted';

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
 * Trains `algorithm` on `dataset.train`, evaluating on every split (train, validation when present,
 * test) after every epoch. Never throws
 * for a numerical blow-up: the result says `diverged` and keeps the history.
 *
 * @example
 * ```ts
 * const result = fit(trainer, dataset, backend, { epochs: 10, batchSize: 10 });
 * console.log(result.status, result.history.at(-1)?.test.exactAccuracy);
 * ```
 */
export function fit(algorithm: TrainerAlgorithm, dataset: Dataset, backend: TensorBackend, options: FitOptions): FitResult {
  const { epochs, batchSize } = validate(options, dataset);
  const rng = new Rng(options.seed ?? 0);
  const stopWhen = options.stopWhen && new StopWhen(options.stopWhen);
  for (const record of options.resumeHistory ?? []) stopWhen?.after(record.epoch, record);
  if (options.stopWhen && !dataset.validation) {
    for (const part of ['reached', 'plateau'] as const) {
      const metric = options.stopWhen[part]?.metric;
      if (metric?.startsWith('validation.')) {
        throw new ConfigError(`stopWhen.${part}.metric`, `"${metric}" reads the validation split, but "${dataset.name}" has none (give it a validation size)`);
      }
    }
  }
  const train = dataset.train;
  const n = train.inputs.rows;
  const batches = Math.ceil(n / batchSize);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const buffers = new Map<number, { inputs: Matrix; labels: Matrix }>();
  const measurement =
    options.measureGradients && algorithm.measureGradients
      ? {
          inputs: backend.gatherRows(train.inputs, order.subarray(0, Math.min(n, options.measurementSize ?? 100))),
          labels: backend.gatherRows(train.labels, order.subarray(0, Math.min(n, options.measurementSize ?? 100))),
        }
      : undefined;
  const history: EpochRecord[] = [];
  let step = options.resume?.step ?? 0;
  const position = (epoch: number): FitPosition => ({ epoch, step });
  const firstEpoch = options.resume?.epoch ?? 0;
  if (!Number.isInteger(firstEpoch) || firstEpoch < 0) throw new ConfigError('resume.epoch', `expected a non-negative integer, got ${firstEpoch}`);
  // The order is shuffled in place epoch after epoch: replaying the earlier shuffles gives the resumed run's order.
  if (options.shuffle ?? true) for (let epoch = 0; epoch < firstEpoch; epoch++) rng.shuffle(order);
  for (let epoch = firstEpoch; epoch < epochs; epoch++) {
    const started = performance.now();
    if (options.shuffle ?? true) rng.shuffle(order);
    let lossSum = 0;
    for (let b = 0; b < batches; b++) {
      if (options.signal?.aborted) return { status: 'aborted', reason: 'aborted by the caller', history };
      const indices = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
      const batch = batchBuffers(buffers, indices.length, train.inputs.cols, train.labels.cols, backend);
      backend.gatherRows(train.inputs, indices, batch.inputs);
      backend.gatherRows(train.labels, indices, batch.labels);
      const { loss } = algorithm.step(batch, { epoch, step });
      if (!Number.isFinite(loss)) {
        return { status: 'diverged', reason: `the loss became ${loss} in epoch ${epoch + 1}, batch ${b + 1} of ${batches}`, history };
      }
      lossSum += loss;
      step++;
      options.onBatchEnd?.({ epoch, batch: b, batches, step, loss });
    }
    const trainSeconds = (performance.now() - started) / 1000;
    const trainMetrics = evaluate(algorithm, train, dataset.task, backend);
    const validationMetrics = dataset.validation && evaluate(algorithm, dataset.validation, dataset.task, backend);
    const testMetrics = evaluate(algorithm, dataset.test, dataset.task, backend);
    if (!Number.isFinite(trainMetrics.loss) || !Number.isFinite(testMetrics.loss) || !Number.isFinite(validationMetrics?.loss ?? 0)) {
      return { status: 'diverged', reason: `the network's outputs stopped being finite after epoch ${epoch + 1}`, history };
    }
    const record: EpochRecord = {
      epoch: epoch + 1,
      trainLoss: lossSum / batches,
      train: trainMetrics,
      ...(validationMetrics ? { validation: validationMetrics } : {}),
      test: testMetrics,
      ...(measurement ? { gradientAlignment: algorithm.measureGradients!(measurement) } : {}),
      seconds: (performance.now() - started) / 1000,
      trainSeconds,
      examplesPerSecond: n / trainSeconds,
    };
    history.push(record);
    options.onEpochEnd?.(record);
    const stopped = stopWhen?.after(record.epoch, record);
    if (stopped) return { status: 'completed', history, stopped, position: position(epoch + 1) };
  }
  return { status: 'completed', history, position: position(Math.max(epochs, firstEpoch)) };
}

function batchBuffers(
  buffers: Map<number, { inputs: Matrix; labels: Matrix }>,
  rows: number,
  inputCols: number,
  labelCols: number,
  backend: TensorBackend,
): { inputs: Matrix; labels: Matrix } {
  let batch = buffers.get(rows);
  if (batch === undefined) {
    batch = { inputs: zerosFor(backend, rows, inputCols), labels: zerosFor(backend, rows, labelCols) };
    buffers.set(rows, batch);
  }
  return batch;
}

function validate(options: FitOptions, dataset: Dataset): { epochs: number; batchSize: number } {
  const { epochs, batchSize } = options;
  if (!Number.isInteger(epochs) || epochs < 0) throw new ConfigError('epochs', `expected a non-negative integer, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ConfigError('batchSize', `expected a positive integer, got ${batchSize}`);
  }
  if (dataset.train.inputs.rows === 0) throw new ConfigError('dataset', `"${dataset.name}" has no training examples`);
  const size = options.measurementSize;
  if (size !== undefined && (!Number.isInteger(size) || size < 1)) {
    throw new ConfigError('measurementSize', `expected a positive integer, got ${size}`);
  }
  return { epochs, batchSize };
}

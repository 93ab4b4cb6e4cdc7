import type { Dataset } from '@synthgrad/core';
import { ConfigError } from '@synthgrad/core';
import { Rng, type TensorBackend } from '@synthgrad/tensor';
import { evaluate } from './evaluate.js';
import type { EpochRecord, FitOptions, FitPosition, FitResult } from './fit.js';
import type { FitStrategy, LossSink } from './FitStrategy.js';
import { StopWhen } from './StopCriterion.js';

/**
 * Where {@link fitLoop} stops for its driver:
 * - `batch`: before each batch (a step-by-step session stops here; the others go straight on);
 * - `wait`: the strategy is waiting (a queue to another thread); go on once `until` settles, or
 *   throw its rejection into the loop.
 */
export type FitPause =
  | {
      readonly type: 'batch';
      /** Passes over the training set completed before the batch. */
      readonly epoch: number;
      /** The batch's index within its epoch. */
      readonly batch: number;
      readonly batches: number;
      /** Steps done in the whole run before the batch. */
      readonly step: number;
    }
  | { readonly type: 'wait'; readonly until: Promise<void> };

/**
 * The one epoch loop, as a generator: every run — `fit` on this thread, `fitWith` (stages on
 * threads), a step-by-step {@link FitSession} — is this loop over a {@link FitStrategy}. It owns
 * the epochs (counted from 1 in records), the seeded in-place shuffles, the minibatches, the
 * losses and `onBatchEnd`, evaluation of every split after every epoch, gradient-alignment
 * measurement, `onEpochEnd`, `stopWhen`, divergence (a non-finite loss or output ends the run
 * `diverged`, keeping the history), the caller's abort and `resume`. Drive it with `fit`,
 * {@link fitWith} or {@link FitSession}; it returns the {@link FitResult}.
 *
 * @example
 * ```ts
 * const loop = fitLoop(trainOnThisThread(trainer, backend), dataset, backend, { epochs: 2, batchSize: 10 });
 * let next = loop.next();
 * while (!next.done) next = loop.next(); // a strategy on this thread never waits
 * console.log(next.value.history.map((r) => r.epoch)); // [1, 2]
 * ```
 */
export function* fitLoop(strategy: FitStrategy, dataset: Dataset, backend: TensorBackend, options: FitOptions): Generator<FitPause, FitResult, void> {
  const { epochs, batchSize } = validate(options, dataset);
  const algorithm = strategy.trainer;
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
  if (!Number.isInteger(step) || step < 0) throw new ConfigError('resume.step', `expected a non-negative integer, got ${step}`);

  // Losses arrive through the sink while the strategy runs (for stages on threads, batches later);
  // they are read after each of its calls, in the order they came.
  const arrivedSteps: number[] = [];
  const arrivedLosses: number[] = [];
  const losses: LossSink = (s, loss) => {
    arrivedSteps.push(s);
    arrivedLosses.push(loss);
  };
  let epoch = firstEpoch;
  let epochStart = step;
  let lossSum = 0;
  /** Sums the arrived losses and calls back; the reason to stop when one is not finite. */
  const takeLosses = (): string | undefined => {
    for (let i = 0; i < arrivedSteps.length; i++) {
      const loss = arrivedLosses[i];
      const b = arrivedSteps[i] - epochStart;
      if (!Number.isFinite(loss)) {
        arrivedSteps.length = arrivedLosses.length = 0;
        return `the loss became ${loss} in epoch ${epoch + 1}, batch ${b + 1} of ${batches}`;
      }
      lossSum += loss;
      options.onBatchEnd?.({ epoch, batch: b, batches, step: arrivedSteps[i] + 1, loss });
    }
    arrivedSteps.length = arrivedLosses.length = 0;
    return undefined;
  };
  const pause = { type: 'batch' as const, epoch, batch: 0, batches, step };
  const aborted = (): FitResult => ({ status: 'aborted', reason: 'aborted by the caller', history });

  try {
    // The order is shuffled in place epoch after epoch: replaying the earlier shuffles gives the resumed run's order.
    if (options.shuffle ?? true) for (let e = 0; e < firstEpoch; e++) rng.shuffle(order);
    for (; epoch < epochs; epoch++) {
      const started = performance.now();
      if (options.shuffle ?? true) rng.shuffle(order);
      lossSum = 0;
      epochStart = step;
      for (let b = 0; b < batches; b++) {
        pause.epoch = epoch;
        pause.batch = b;
        pause.step = step;
        yield pause;
        if (options.signal?.aborted) return aborted();
        const indices = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
        const waiting = strategy.step({ split: train, indices, progress: { epoch, step } }, losses);
        step++;
        if (waiting) yield { type: 'wait', until: waiting };
        const diverged = takeLosses();
        if (diverged !== undefined) return { status: 'diverged', reason: diverged, history };
      }
      const draining = strategy.drain(losses);
      if (draining) yield { type: 'wait', until: draining };
      const diverged = takeLosses();
      if (diverged !== undefined) return { status: 'diverged', reason: diverged, history };
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
  } catch (error) {
    const reason = strategy.failure?.(error);
    if (reason === undefined) throw error;
    return options.signal?.aborted ? aborted() : { status: 'failed', reason, history };
  }
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

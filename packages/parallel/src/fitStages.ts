import { ConfigError, TensorBackend, type Dataset } from '@synthgrad/core';
import { Rng, type DType } from '@synthgrad/tensor';
import {
  createTrainer,
  evaluate,
  LockStepDniTrainer,
  splitStages,
  type EpochRecord,
  type FitOptions,
  type FitStatus,
  type TrainerSpec,
} from '@synthgrad/trainers';
import type { Container } from 'inversify';
import { SCHEDULES, type Schedule } from './Schedule.js';
import { StagePipeline, type PipelineState } from './StagePipeline.js';
import type { StageFaultInjection } from './StageWorkerData.js';

export interface StagedFitOptions extends FitOptions {
  /** Backend of every stage (default: the name of the container's backend, so evaluation agrees). */
  readonly backend?: string;
  /** The dtype of every stage's backend (default: the container's backend's). */
  readonly dtype?: DType;
  /** Plugin modules (absolute paths exporting a `ContainerModule`) every stage's container loads. */
  readonly plugins?: readonly string[];
  /** Slots of each queue between stages in `async` (default 2): how far a stage may run ahead. */
  readonly queueCapacity?: number;
  /** Bound of every wait, in ms (default 120 000): past it the run fails naming the stage. */
  readonly timeoutMs?: number;
  /** For tests: faults injected into stages (a delay per batch, a throw, a dying thread). */
  readonly faults?: readonly StageFaultInjection[];
}

/** As `fit`'s, plus `failed`: a stage threw, timed out or its thread died (the reason names it). */
export type StagedFitStatus = FitStatus | 'failed';

export interface StagedFitResult {
  readonly status: StagedFitStatus;
  readonly reason?: string;
  readonly history: readonly EpochRecord[];
  /** A trainer on this thread holding the stages' weights as of the last drain (after the last epoch, or before a failure). */
  readonly trainer: LockStepDniTrainer;
}

/**
 * `fit` for `dni` with `stages`, each stage on its own worker thread. The spec's `schedule` picks
 * `lock-step` (default: the same weights as the simulated `LockStepDniTrainer`, bit for bit) or
 * `async`. Batches, shuffling, evaluation after every epoch, callbacks and statuses are `fit`'s;
 * evaluation runs here on a copy of the network that every stage's weights are drained into.
 * Never leaves a thread behind, and never hangs: every wait is bounded.
 *
 * @example
 * ```ts
 * const result = await fitStages(container, dataset, {
 *   algorithm: 'dni', network, options: { generatorInput: 'labels', stages: 2, schedule: 'lock-step' },
 * }, { epochs: 3, batchSize: 128 });
 * ```
 */
export async function fitStages(
  container: Container,
  dataset: Dataset,
  spec: TrainerSpec<'dni'>,
  options: StagedFitOptions,
): Promise<StagedFitResult> {
  const { schedule: given, ...dniOptions } = spec.options ?? {};
  const schedule: Schedule = given ?? 'lock-step';
  if (!SCHEDULES.includes(schedule)) {
    throw new ConfigError('dni.schedule', `expected one of ${SCHEDULES.map((s) => `"${s}"`).join(', ')}, got ${JSON.stringify(given)}`);
  }
  if (dniOptions.stages === undefined) throw new ConfigError('dni.stages', 'threaded stages need a stage count or split, e.g. 2 or [3, 4]');
  const { epochs, batchSize } = options;
  if (!Number.isInteger(epochs) || epochs < 0) throw new ConfigError('epochs', `expected a non-negative integer, got ${epochs}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new ConfigError('batchSize', `expected a positive integer, got ${batchSize}`);
  const stagedSpec: TrainerSpec<'dni'> = { ...spec, options: dniOptions };
  const trainer = createTrainer(container, dataset, stagedSpec);
  if (!(trainer instanceof LockStepDniTrainer)) throw new ConfigError('dni.stages', 'expected the spec to build stages');
  const layers = trainer.decoupled.map((d) => d.layer);
  const backend = container.get(TensorBackend);
  const history: EpochRecord[] = [];
  const train = dataset.train;
  const n = train.inputs.rows;
  if (n === 0) throw new ConfigError('dataset', `"${dataset.name}" has no training examples`);
  const batches = Math.ceil(n / batchSize);

  let pipeline: StagePipeline | undefined;
  let diverged: string | undefined;
  const abort = () => pipeline?.abort();
  options.signal?.addEventListener('abort', abort);
  try {
    pipeline = await StagePipeline.start({
      spec: stagedSpec,
      dataset,
      layers,
      split: splitStages(layers, dniOptions.stages),
      backend: options.backend ?? backend.name,
      dtype: options.dtype ?? backend.dtype ?? 'float64',
      ...(options.plugins ? { plugins: options.plugins } : {}),
      schedule,
      ...(options.queueCapacity !== undefined ? { queueCapacity: options.queueCapacity } : {}),
      maxRows: Math.min(batchSize, n),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.faults ? { faults: options.faults } : {}),
    });
    let lossSum = 0;
    pipeline.onLoss = (id, loss) => {
      const epoch = Math.floor(id / batches);
      const batch = id % batches;
      if (!Number.isFinite(loss)) {
        diverged ??= `the loss became ${loss} at epoch ${epoch}, batch ${batch}`;
        pipeline!.abort();
        return;
      }
      lossSum += loss;
      options.onBatchEnd?.({ epoch, batch, batches, step: id + 1, loss });
    };
    const rng = new Rng(options.seed ?? 0);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const measurement =
      options.measureGradients
        ? {
            inputs: backend.gatherRows(train.inputs, order.subarray(0, Math.min(n, options.measurementSize ?? 100))),
            labels: backend.gatherRows(train.labels, order.subarray(0, Math.min(n, options.measurementSize ?? 100))),
          }
        : undefined;
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      const started = performance.now();
      if (options.shuffle ?? true) rng.shuffle(order);
      lossSum = 0;
      for (let b = 0; b < batches; b++) {
        if (options.signal?.aborted) return { status: 'aborted', reason: 'aborted by the caller', history, trainer };
        const indices = order.subarray(b * batchSize, Math.min(n, (b + 1) * batchSize));
        await pipeline.push(step, indices.length, { epoch, step }, (inputs, labels) => {
          backend.gatherRows(train.inputs, indices, inputs);
          backend.gatherRows(train.labels, indices, labels);
        });
        step++;
      }
      loadState(trainer, await pipeline.drain());
      const trainSeconds = (performance.now() - started) / 1000;
      if (diverged !== undefined) return { status: 'diverged', reason: diverged, history, trainer };
      const trainMetrics = evaluate(trainer, train, dataset.task, backend);
      const validationMetrics = dataset.validation && evaluate(trainer, dataset.validation, dataset.task, backend);
      const testMetrics = evaluate(trainer, dataset.test, dataset.task, backend);
      if (!Number.isFinite(trainMetrics.loss) || !Number.isFinite(testMetrics.loss) || !Number.isFinite(validationMetrics?.loss ?? 0)) {
        return { status: 'diverged', reason: `the network's outputs stopped being finite at epoch ${epoch}`, history, trainer };
      }
      const record: EpochRecord = {
        epoch,
        trainLoss: lossSum / batches,
        train: trainMetrics,
        ...(validationMetrics ? { validation: validationMetrics } : {}),
        test: testMetrics,
        ...(measurement ? { gradientAlignment: trainer.measureGradients(measurement) } : {}),
        seconds: (performance.now() - started) / 1000,
        trainSeconds,
        examplesPerSecond: n / trainSeconds,
      };
      history.push(record);
      options.onEpochEnd?.(record);
    }
    return { status: 'completed', history, trainer };
  } catch (error) {
    if (options.signal?.aborted) return { status: 'aborted', reason: 'aborted by the caller', history, trainer };
    if (diverged !== undefined) return { status: 'diverged', reason: diverged, history, trainer };
    if (pipeline === undefined || pipeline.failure !== undefined || error instanceof Error) {
      return { status: 'failed', reason: (pipeline?.failure ?? (error as Error)).message, history, trainer };
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await pipeline?.close();
  }
}

/** Writes the drained stages' state into `trainer` (built from the same spec), checking every name. */
function loadState(trainer: LockStepDniTrainer, state: PipelineState): void {
  const { tensors, rngs } = trainer.state();
  for (const [name, live] of Object.entries(tensors)) {
    const drained = state.tensors[name];
    if (drained === undefined || drained.length !== live.data.length) {
      throw new Error(`no stage reported "${name}" (${live.shape}); reported: ${Object.keys(state.tensors).join(', ')}`);
    }
    live.data.set(drained);
  }
  for (const [name, rng] of Object.entries(rngs)) if (state.rngs[name]) rng.restoreState(state.rngs[name]);
}

import { ConfigError, TensorBackend, type Dataset } from '@synthgrad/core';
import type { DType } from '@synthgrad/tensor';
import {
  createTrainer,
  fitWith,
  loadTrainerState,
  LockStepDniTrainer,
  splitStages,
  type FitOptions,
  type FitResult,
  type FitStatus,
  type SavedTrainer,
  type TrainerSpec,
} from '@synthgrad/trainers';
import type { Container } from 'inversify';
import { SCHEDULES, type Schedule } from './Schedule.js';
import { StagePipeline, type PipelineState } from './StagePipeline.js';
import type { StageFaultInjection } from './StageWorkerData.js';
import { ThreadedStages } from './ThreadedStages.js';

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
  /**
   * The state every stage starts from, as `saveTrainerState` gives it (or `readTrainerFolder` reads
   * it) for a trainer of the same spec: with `resume` (its `position`), the run goes on exactly
   * where the saved one ended. Without it the stages start from the spec's seed.
   */
  readonly startFrom?: SavedTrainer;
  /** For tests: faults injected into stages (a delay per batch, a throw, a dying thread). */
  readonly faults?: readonly StageFaultInjection[];
}

/** `fit`'s statuses; `failed` here means a stage threw, timed out or its thread died (the reason names it). */
export type StagedFitStatus = FitStatus;

/** `fit`'s result (records numbered from 1, `stopped`, `position`), plus the trainer holding the stages' weights. */
export interface StagedFitResult extends FitResult {
  /** A trainer on this thread holding the stages' weights as of the last drain (after the last epoch, or before a failure). */
  readonly trainer: LockStepDniTrainer;
}

/**
 * `fit` for `dni` with `stages`, each stage on its own worker thread: the trainers' one epoch loop
 * (`fitWith`) over the {@link ThreadedStages} strategy, so epochs (records numbered from 1),
 * shuffling, evaluation after every epoch, callbacks, `stopWhen`, `resume` (with `startFrom`) and
 * statuses are `fit`'s. The spec's `schedule` picks `lock-step` (default: the same weights as the
 * simulated `LockStepDniTrainer`, bit for bit) or `async`. Evaluation runs here on a copy of the
 * network that every stage's weights are drained into. Never leaves a thread behind, and never
 * hangs: every wait is bounded.
 *
 * @example
 * ```ts
 * const result = await fitStages(container, dataset, {
 *   algorithm: 'dni', network, options: { generatorInput: 'labels', stages: 2, schedule: 'lock-step' },
 * }, { epochs: 30, batchSize: 128, stopWhen: { plateau: { metric: 'train.loss', patience: 5 } } });
 * result.history[0].epoch; // 1
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
  if (options.resume !== undefined && options.startFrom === undefined) {
    throw new ConfigError('resume', 'threaded stages resume from a saved state: give it as startFrom (saveTrainerState, readTrainerFolder)');
  }
  if (options.resume !== undefined && (dniOptions.updateProbability ?? 1) < 1 && splitCount(dniOptions.stages) > 1) {
    // Stages after the first draw their update schedules from streams forked at construction, which
    // the trainer's state does not hold yet: a resumed run would not equal the uninterrupted one.
    throw new ConfigError('resume', 'stages with updateProbability < 1 cannot resume exactly yet (only the first stage\'s random stream is saved); train from the start');
  }
  const stagedSpec: TrainerSpec<'dni'> = { ...spec, options: dniOptions };
  const trainer = createTrainer(container, dataset, stagedSpec);
  if (!(trainer instanceof LockStepDniTrainer)) throw new ConfigError('dni.stages', 'expected the spec to build stages');
  if (options.startFrom !== undefined) loadTrainerState(trainer, options.startFrom);
  const layers = trainer.decoupled.map((d) => d.layer);
  const backend = container.get(TensorBackend);
  const n = dataset.train.inputs.rows;
  if (n === 0) throw new ConfigError('dataset', `"${dataset.name}" has no training examples`);

  let pipeline: StagePipeline | undefined;
  const abort = () => pipeline?.abort();
  options.signal?.addEventListener('abort', abort);
  try {
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
        ...(options.startFrom !== undefined ? { initialState: pipelineStateOf(trainer) } : {}),
      });
    } catch (error) {
      if (options.signal?.aborted) return { status: 'aborted', reason: 'aborted by the caller', history: [], trainer };
      if (!(error instanceof Error)) throw error;
      return { status: 'failed', reason: error.message, history: [], trainer };
    }
    const result = await fitWith(new ThreadedStages(pipeline, trainer, backend), dataset, backend, options);
    return { ...result, trainer };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await pipeline?.close();
  }
}

function splitCount(stages: number | readonly number[]): number {
  return typeof stages === 'number' ? stages : stages.length;
}

/** A copy of `trainer`'s tensors and random streams, as a stage thread loads them. */
function pipelineStateOf(trainer: LockStepDniTrainer): PipelineState {
  const { tensors, rngs } = trainer.state();
  return {
    tensors: Object.fromEntries(Object.entries(tensors).map(([name, m]) => [name, m.data.slice()])),
    rngs: Object.fromEntries(Object.entries(rngs).map(([name, rng]) => [name, rng.saveState()])),
  };
}

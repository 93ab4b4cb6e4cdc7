import type { TensorBackend } from '@synthgrad/tensor';
import type { FitBatch, FitStrategy, LockStepDniTrainer, LossSink } from '@synthgrad/trainers';
import { loadPipelineState } from './loadPipelineState.js';
import type { StagePipeline } from './StagePipeline.js';

/**
 * The {@link FitStrategy} of DNI stages on threads: a batch is gathered straight into stage 0's
 * queue (waiting while it is full), each batch's loss is reported when it leaves the last stage,
 * and draining lets every batch through, learns every outstanding target and copies every stage's
 * weights into `trainer` (on this thread), which the loop then evaluates, measures and saves. A
 * stage's failure (throw, timeout, dead thread) ends the run `failed`, naming the stage.
 *
 * The pipeline numbers its batches from 0 whatever the run's step: after a drain a pipeline holds no
 * batch in flight, so one started for a resumed run goes on as the uninterrupted one does.
 *
 * @example
 * ```ts
 * const pipeline = await StagePipeline.start({ spec, dataset, layers, split, backend: 'cpu', maxRows: 10 });
 * try {
 *   const result = await fitWith(new ThreadedStages(pipeline, trainer, backend), dataset, backend, { epochs: 3, batchSize: 10 });
 * } finally {
 *   await pipeline.close();
 * }
 * ```
 */
export class ThreadedStages implements FitStrategy {
  readonly #pipeline: StagePipeline;
  readonly #backend: TensorBackend;
  #losses: LossSink = () => {};
  #pushed = 0;
  #firstStep = 0;

  /** `trainer`: built from the stages' spec on this thread; the drained weights are written into it. */
  constructor(
    pipeline: StagePipeline,
    readonly trainer: LockStepDniTrainer,
    backend: TensorBackend,
  ) {
    this.#pipeline = pipeline;
    this.#backend = backend;
    pipeline.onLoss = (id, loss) => this.#losses(this.#firstStep + id, loss);
  }

  step({ split, indices, progress }: FitBatch, losses: LossSink): Promise<void> {
    this.#losses = losses;
    if (this.#pushed === 0) this.#firstStep = progress.step;
    const backend = this.#backend;
    return this.#pipeline.push(this.#pushed++, indices.length, progress, (inputs, labels) => {
      backend.gatherRows(split.inputs, indices, inputs);
      backend.gatherRows(split.labels, indices, labels);
    });
  }

  async drain(losses: LossSink): Promise<void> {
    this.#losses = losses;
    loadPipelineState(this.trainer, await this.#pipeline.drain());
  }

  failure(error: unknown): string | undefined {
    const failure = this.#pipeline.failure;
    if (failure !== undefined) return failure.message;
    return error instanceof Error ? error.message : undefined;
  }
}

import type { Dataset } from '@synthgrad/core';
import type { TensorBackend } from '@synthgrad/tensor';
import type { EpochRecord, FitOptions, FitResult } from './fit.js';
import { fitLoop, type FitPause } from './fitLoop.js';
import type { FitStrategy, LossSink } from './FitStrategy.js';

/**
 * The epoch loop ({@link fitLoop}) one batch at a time, for a caller that decides when to go on (an
 * interactive page): the same batches, evaluation after every epoch, records, `stopWhen` and
 * divergence as `fit`, which this session, run to its end, equals. The strategy must not wait.
 *
 * @example
 * ```ts
 * const session = new FitSession(trainOnThisThread(trainer, backend), dataset, backend, { epochs: 2, batchSize: 10 });
 * while (!session.finished) session.runStep();
 * session.result?.history.map((r) => r.epoch); // [1, 2]
 * ```
 */
export class FitSession {
  readonly #loop: Generator<FitPause, FitResult, void>;
  readonly #history: EpochRecord[] = [];
  #next: IteratorResult<FitPause, FitResult>;
  #steps: number;
  #loss = Number.NaN;

  constructor(strategy: FitStrategy, dataset: Dataset, backend: TensorBackend, options: FitOptions) {
    let sink: LossSink | undefined;
    let wrapped: LossSink | undefined;
    // The loop's sink is one function for the whole run: wrap it once to see each batch's loss.
    const watch = (losses: LossSink): LossSink => {
      if (sink !== losses) {
        sink = losses;
        wrapped = (step, loss) => {
          this.#loss = loss;
          losses(step, loss);
        };
      }
      return wrapped!;
    };
    const watched: FitStrategy = {
      trainer: strategy.trainer,
      step: (batch, losses) => strategy.step(batch, watch(losses)),
      drain: (losses) => strategy.drain(watch(losses)),
      ...(strategy.failure ? { failure: (error: unknown) => strategy.failure!(error) } : {}),
    };
    this.#steps = options.resume?.step ?? 0;
    this.#loop = fitLoop(watched, dataset, backend, {
      ...options,
      onEpochEnd: (record) => {
        this.#history.push(record);
        options.onEpochEnd?.(record);
      },
    });
    this.#next = this.#advance();
  }

  /** True once the run has ended (every epoch trained, `stopWhen`, divergence or an abort): see {@link result}. */
  get finished(): boolean {
    return this.#next.done === true;
  }

  /** How the run ended; undefined until it has. */
  get result(): FitResult | undefined {
    return this.#next.done ? this.#next.value : undefined;
  }

  /** Steps (batches) run so far, counting a resumed run's earlier ones. */
  get step(): number {
    return this.#steps;
  }

  /** The epochs recorded so far (counted from 1). */
  get history(): readonly EpochRecord[] {
    return this.#history;
  }

  /**
   * Trains the next batch; after an epoch's last batch also evaluates and records the epoch. Returns
   * the batch's loss (NaN once finished).
   */
  runStep(): number {
    if (this.#next.done) return Number.NaN;
    this.#steps++;
    this.#loss = Number.NaN;
    this.#next = this.#advance();
    return this.#loss;
  }

  /** Goes on to the next batch's pause, or the end. */
  #advance(): IteratorResult<FitPause, FitResult> {
    const next = this.#loop.next();
    if (!next.done && next.value.type === 'wait') throw new Error('FitSession: the strategy waits (a queue to another thread); run it with fitWith');
    return next;
  }
}

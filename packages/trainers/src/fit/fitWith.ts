import type { Dataset } from '@synthgrad/core';
import type { TensorBackend } from '@synthgrad/tensor';
import type { FitOptions, FitResult } from './fit.js';
import { fitLoop } from './fitLoop.js';
import type { FitStrategy } from './FitStrategy.js';

/**
 * `fit` over any {@link FitStrategy}, waiting where the strategy waits (stages on threads push
 * batches into queues): the same epoch loop ({@link fitLoop}), so the same epochs, shuffles,
 * records, `stopWhen`, divergence, abort and `resume`. A strategy's failure (`FitStrategy.failure`)
 * ends the run `failed`, keeping the epochs before it.
 *
 * @example
 * ```ts
 * const result = await fitWith(trainOnThisThread(trainer, backend), dataset, backend, { epochs: 3, batchSize: 10 });
 * result.history[0].epoch; // 1
 * ```
 */
export async function fitWith(strategy: FitStrategy, dataset: Dataset, backend: TensorBackend, options: FitOptions): Promise<FitResult> {
  const loop = fitLoop(strategy, dataset, backend, options);
  let next = loop.next();
  while (!next.done) {
    if (next.value.type === 'wait') {
      try {
        await next.value.until;
      } catch (error) {
        next = loop.throw(error);
        continue;
      }
    }
    next = loop.next();
  }
  return next.value;
}

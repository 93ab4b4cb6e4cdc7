import { formatBytes, MemoryBudgetError } from './MemoryBudgetError.js';
import type { TrainerMemoryEstimate } from './estimateTrainerMemory.js';

/** The longest Float64Array V8 allocates on 64-bit Node 20 (elements); one matrix cannot be longer. */
export const MAX_MATRIX_ELEMENTS = 2 ** 32;

/** Default memory budget of one trainer: 8 GiB. */
export const DEFAULT_MEMORY_BUDGET = 8 * 1024 ** 3;

/**
 * Throws a {@link MemoryBudgetError} when a matrix of `estimate` is longer than a typed array can be,
 * or when the whole trainer is over `budget` bytes (naming the largest layer); returns otherwise.
 *
 * @example
 * ```ts
 * assertTrainerFits(estimateTrainerMemory(spec, dataset), 2 * 1024 ** 3);
 * ```
 */
export function assertTrainerFits(estimate: TrainerMemoryEstimate, budget: number = DEFAULT_MEMORY_BUDGET): void {
  for (const layer of estimate.layers) {
    if (layer.largestElements > MAX_MATRIX_ELEMENTS) {
      throw new MemoryBudgetError(
        layer.layer,
        layer.shape,
        layer.bytes,
        MAX_MATRIX_ELEMENTS,
        `a matrix of ${layer.largestElements} elements is over the typed-array limit of ${MAX_MATRIX_ELEMENTS}`,
      );
    }
  }
  if (estimate.bytes > budget && estimate.layers.length > 0) {
    const largest = estimate.layers.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    throw new MemoryBudgetError(
      largest.layer,
      largest.shape,
      largest.bytes,
      budget,
      `the trainer would need ${formatBytes(estimate.bytes)} in all, over the memory budget of ${formatBytes(budget)}`,
    );
  }
}

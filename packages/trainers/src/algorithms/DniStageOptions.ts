/** Options of the `dni` trainer that split the network into decoupled stages. */
export interface DniStageOptions {
  /**
   * Split the network into stages of consecutive layers: a count K (balanced by each stage's
   * multiply-adds per step) or the number of layers in each stage, e.g. `[2, 1]`. Absent: one stage,
   * today's sequential `dni`. On one thread the lock-step schedule's delays are simulated: the
   * generator at a stage boundary learns toward the gradient of batch t two steps later.
   */
  readonly stages?: number | readonly number[];
  /**
   * `"lock-step"` (default, deterministic: simulated on one thread, or threaded with
   * `@synthgrad/parallel`, with equal results). Free-running `"async"` stages need worker threads
   * (`@synthgrad/parallel`); on one thread it is refused.
   */
  readonly schedule?: 'lock-step' | 'async';
}

export const DNI_STAGE_OPTION_NAMES: readonly (keyof DniStageOptions)[] = ['stages', 'schedule'];

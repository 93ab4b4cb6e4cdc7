/**
 * The lock-step schedule of K decoupled stages, the one order that the simulated stages
 * ({@link LockStepDniTrainer}) and the threaded ones (`@synthgrad/parallel`) both follow, so they end
 * with the same weights: at step t stage k runs batch t − k; within a step the stages run from the top
 * down (each reads what the stage below produced at the step before); before running batch b a stage
 * learns its boundary generator toward the targets through batch b − 2 (sent by the stage above when
 * it ran them, one step earlier). After the last batch, K − 1 drain steps let every stage run it.
 *
 * @example
 * ```ts
 * const schedule = new LockStepSchedule(3);
 * schedule.batchAt(2, 5);     // 3: stage 2 runs batch 3 at step 5
 * schedule.learnedBefore(3);  // 1: stage 2 (or any) learns the targets through batch 1 before running batch 3
 * schedule.order;             // [2, 1, 0]
 * ```
 */
export class LockStepSchedule {
  /** How many batches late a boundary target is learnt. */
  static readonly TARGET_DELAY = 2;
  /** Boundary features a stage keeps: batches b − 1 and b while the target of b − 2 is learnt. */
  readonly keep = LockStepSchedule.TARGET_DELAY;
  /** Slots for the targets on their way down one boundary: never more than two are outstanding; one to spare. */
  readonly targetsInFlight = LockStepSchedule.TARGET_DELAY + 1;
  /** Slots for the batches on their way up one boundary on threads: never more than two wait there. */
  readonly batchesInFlight = LockStepSchedule.TARGET_DELAY;
  /** The stages in the order they run within a step: from the top down. */
  readonly order: readonly number[];
  /** Steps after the last batch until every stage has run it. */
  readonly drainSteps: number;

  constructor(readonly stages: number) {
    if (!Number.isInteger(stages) || stages < 1) throw new RangeError(`LockStepSchedule: expected a positive whole number of stages, got ${stages}`);
    this.order = Array.from({ length: stages }, (_, i) => stages - 1 - i);
    this.drainSteps = stages - 1;
  }

  /** The batch stage `stage` runs at step `step` (both from 0), or −1 while the pipeline fills. */
  batchAt(stage: number, step: number): number {
    return step >= stage ? step - stage : -1;
  }

  /** The last batch whose boundary target a stage has learnt before it runs `batch` (negative: none yet). */
  learnedBefore(batch: number): number {
    return batch - LockStepSchedule.TARGET_DELAY;
  }
}

/**
 * How threaded stages keep time: `lock-step` (default) learns each boundary target a fixed two
 * batches late, so a run is deterministic and equals the simulated `LockStepDniTrainer`; `async`
 * stages run free, waiting only on a full or empty queue, and learn targets as they arrive.
 */
export type Schedule = 'lock-step' | 'async';

export const SCHEDULES: readonly Schedule[] = ['lock-step', 'async'];

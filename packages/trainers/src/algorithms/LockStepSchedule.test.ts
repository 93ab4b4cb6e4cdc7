import { describe, expect, it } from 'vitest';
import { LockStepSchedule } from './LockStepSchedule.js';

describe('LockStepSchedule', () => {
  it('names the batch each of 3 stages runs at each step, filling the pipeline first', () => {
    const schedule = new LockStepSchedule(3);
    const table = [0, 1, 2, 3].map((t) => [0, 1, 2].map((k) => schedule.batchAt(k, t)));
    expect(table).toEqual([
      [0, -1, -1],
      [1, 0, -1],
      [2, 1, 0],
      [3, 2, 1],
    ]);
    expect(schedule.order).toEqual([2, 1, 0]);
    expect(schedule.drainSteps).toBe(2);
  });

  it('learns a boundary target two batches late, keeping two batches of features', () => {
    const schedule = new LockStepSchedule(2);
    expect([0, 1, 2, 5].map((b) => schedule.learnedBefore(b))).toEqual([-2, -1, 0, 3]);
    expect(schedule.keep).toBe(2);
    expect(schedule.targetsInFlight).toBe(3);
  });

  it('refuses a count of stages that is not a positive whole number', () => {
    expect(() => new LockStepSchedule(0)).toThrow(/positive whole number of stages, got 0/);
    expect(() => new LockStepSchedule(1.5)).toThrow(RangeError);
  });
});

import type { EpochRecord } from 'synthgrad';

/**
 * The epoch each record of a run's history stands for, counted from 1, read from the records' own
 * `epoch` field. Staged (pipeline-parallel) runs recorded before their epochs were counted from 1
 * wrote 0 for the first epoch: a history whose first record says 0 is shifted by one, so old
 * results.jsonl files still draw at the epoch they trained.
 *
 * @example
 * ```ts
 * historyEpochs(run.history); // [1, 2, 3]
 * ```
 */
export function historyEpochs(history: readonly EpochRecord[]): number[] {
  const shift = history[0]?.epoch === 0 ? 1 : 0;
  return history.map((record, index) => {
    const epoch = record.epoch;
    // A record without a usable epoch (hand-edited) falls back to its place in the history.
    return Number.isInteger(epoch) && epoch >= 0 ? epoch + shift : index + 1;
  });
}

import type { RunRecord } from '../RunRecord.js';
import { runKey } from '../suite/expandRuns.js';
import type { Suite } from '../suite/suiteSchema.js';

/**
 * One record per (configuration, seed) of `suite`, the latest when a run was recorded more than once
 * (a `failed` run redone by `--resume`), in the suite's order; records of other labels or seeds are left out.
 */
export function latestRecords(records: readonly RunRecord[], suite: Suite): RunRecord[] {
  const latest = new Map<string, RunRecord>();
  for (const record of records) latest.set(runKey(record), record);
  return suite.seeds.flatMap((seed) =>
    suite.runs.flatMap((run) => {
      const record = latest.get(runKey({ label: run.label, seed }));
      return record ? [record] : [];
    }),
  );
}

/** Keys of the runs that need no redoing: completed or diverged (a diverged run would diverge again). */
export function finishedKeys(records: readonly RunRecord[]): Set<string> {
  const latest = new Map<string, RunRecord>();
  for (const record of records) latest.set(runKey(record), record);
  return new Set([...latest].filter(([, r]) => r.status === 'completed' || r.status === 'diverged').map(([key]) => key));
}

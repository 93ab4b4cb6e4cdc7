import type { RunRecord, Suite } from '../RunRecord.js';

/**
 * The records of each configuration (label), one per seed in seed order: the suite's
 * configurations first in its order (also those with no record yet), then any label the suite
 * does not name. A seed recorded twice (a failed run redone by `--resume`) keeps its last record.
 *
 * @example
 * ```ts
 * groupByConfiguration(records, suite).get('backprop')?.map((run) => run.seed); // [1, 2, 3]
 * ```
 */
export function groupByConfiguration(records: readonly RunRecord[], suite: Suite): Map<string, RunRecord[]> {
  const bySeed = new Map<string, Map<number, RunRecord>>(suite.runs.map((run) => [run.label, new Map()]));
  for (const record of records) {
    const seeds = bySeed.get(record.label) ?? new Map<number, RunRecord>();
    bySeed.set(record.label, seeds.set(record.seed, record));
  }
  return new Map([...bySeed].map(([label, seeds]) => [label, [...seeds.values()].sort((a, b) => a.seed - b.seed)]));
}

import type { RunRecord, Suite } from '../RunRecord.js';

/**
 * The records of each configuration (label), by seed: the suite's configurations first in its
 * order (also those with no record yet), then any label the suite does not name.
 *
 * @example
 * ```ts
 * groupByConfiguration(records, suite).get('backprop')?.map((run) => run.seed); // [1, 2, 3]
 * ```
 */
export function groupByConfiguration(records: readonly RunRecord[], suite: Suite): Map<string, RunRecord[]> {
  const groups = new Map<string, RunRecord[]>(suite.runs.map((run) => [run.label, []]));
  for (const record of records) {
    const group = groups.get(record.label);
    if (group) group.push(record);
    else groups.set(record.label, [record]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.seed - b.seed);
  return groups;
}

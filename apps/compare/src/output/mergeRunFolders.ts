import { CliError } from '../cli/CliError.js';
import type { RunRecord } from '../RunRecord.js';
import { canonicalJson } from './canonicalJson.js';
import type { Suite } from '../suite/suiteSchema.js';
import { runKey } from '../suite/expandRuns.js';
import { latestRecords } from './latestRecords.js';

/** One run folder as read: its suite.json and the latest record of each of its runs. */
export interface RunFolder {
  readonly folder: string;
  readonly suite: Suite;
  readonly records: readonly RunRecord[];
}

/** What makes two records the same configuration: everything but the seed, the outcome and where it ran. */
const CONFIGURATION_FIELDS = ['trainer', 'options', 'network', 'dataset', 'training', 'backend', 'dtype'] as const;
const DEFAULTS: Partial<Record<(typeof CONFIGURATION_FIELDS)[number], unknown>> = { dtype: 'float64' };

/**
 * Several run folders as one: the first folder's suite with every folder's configurations (in order
 * of first appearance) and seeds, and all their records. A label that names a different
 * configuration in two folders (another trainer, options, network, dataset, training settings,
 * backend or dtype) is refused with a {@link CliError} naming the label, its seeds, the folders and
 * the fields that differ; the same run (label and seed, same configuration) recorded in two folders
 * keeps the later record.
 *
 * @example
 * ```ts
 * const { suite, records } = mergeRunFolders([original, addedLater]);
 * ```
 */
export function mergeRunFolders(folders: readonly RunFolder[]): { suite: Suite; records: RunRecord[] } {
  const [first] = folders;
  if (!first) throw new CliError('report: name at least one run folder');
  const byLabel = new Map<string, { folder: string; record: RunRecord }>();
  const conflicts: string[] = [];
  for (const { folder, records } of folders) {
    for (const record of records) {
      const seen = byLabel.get(record.label);
      if (!seen) {
        byLabel.set(record.label, { folder, record });
        continue;
      }
      const differ = CONFIGURATION_FIELDS.filter((field) => canonicalJson(record[field] ?? DEFAULTS[field]) !== canonicalJson(seen.record[field] ?? DEFAULTS[field]));
      if (differ.length > 0 && seen.folder !== folder) {
        conflicts.push(
          `"${record.label}" seed ${seen.record.seed} in ${seen.folder} and seed ${record.seed} in ${folder}: ${differ.join(', ')} differ`,
        );
      }
    }
  }
  if (conflicts.length > 0) {
    const unique = [...new Set(conflicts)];
    throw new CliError(
      `cannot merge: the same configuration label stands for different configurations (${unique.slice(0, 5).join('; ')}` +
        `${unique.length > 5 ? `; and ${unique.length - 5} more` : ''}). Relabel one of them in its suite.json and results.jsonl, or merge fewer folders.`,
    );
  }
  const latest = new Map<string, RunRecord>();
  for (const { records } of folders) {
    for (const record of records) {
      const key = runKey(record);
      const kept = latest.get(key);
      if (!kept || Date.parse(record.finishedAt) >= Date.parse(kept.finishedAt)) latest.set(key, record);
    }
  }
  const runs = new Map<string, Suite['runs'][number]>();
  const seeds = new Set<number>();
  for (const { suite } of folders) {
    for (const run of suite.runs) if (!runs.has(run.label)) runs.set(run.label, run);
    for (const seed of suite.seeds) seeds.add(seed);
  }
  for (const record of latest.values()) seeds.add(record.seed);
  const suite: Suite = { ...first.suite, runs: [...runs.values()], seeds: [...seeds] };
  return { suite, records: latestRecords([...latest.values()], suite) };
}


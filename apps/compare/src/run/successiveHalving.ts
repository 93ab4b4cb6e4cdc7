import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runKey } from '../suite/expandRuns.js';
import type { RunSpec } from './RunSpec.js';
import { weightsFolderOf } from './weightsFolderOf.js';
import { rankConfigurations, selectionSplitOf, summariseConfiguration, taskCriteria, reportTaskOf } from '../report/index.js';
import type { RunRecord } from '../RunRecord.js';
import type { Suite } from '../suite/suiteSchema.js';

/**
 * The epochs at which successive halving stops the worse half of each swept configuration's
 * settings: the suite's `sweep.halving`, ascending, below the suite's epochs.
 */
export function halvingRungs(suite: Suite): number[] {
  const halving = suite.sweep?.halving ?? [];
  return [...new Set(halving)].filter((epoch) => epoch < suite.training.epochs).sort((a, b) => a - b);
}

/**
 * The suite's configurations that go on after `epochs` epochs: of each swept configuration
 * (`sweepOf`), the better half (rounded up) of the settings still in `labels`, ranked as the report
 * ranks (final metrics on validation, over seeds) at epoch `epochs`; unswept configurations always
 * go on. A setting with no record yet goes on too (it is not judged without data).
 *
 * @example
 * ```ts
 * survivors(suite, records, 50, new Set(suite.runs.map((r) => r.label))); // half of each sweep's labels
 * ```
 */
export function survivors(suite: Suite, records: readonly RunRecord[], epochs: number, labels: ReadonlySet<string>): Set<string> {
  const truncated = records.map((r) => ({ ...r, status: r.history.length >= epochs ? ('completed' as const) : r.status, history: r.history.slice(0, epochs) }));
  const criteria = taskCriteria(reportTaskOf(truncated), selectionSplitOf(truncated));
  const kept = new Set<string>();
  const groups = new Map<string, string[]>();
  for (const run of suite.runs) {
    if (!labels.has(run.label)) continue;
    if (run.sweepOf === undefined) kept.add(run.label);
    else groups.set(run.sweepOf, [...(groups.get(run.sweepOf) ?? []), run.label]);
  }
  for (const members of groups.values()) {
    const judged = members.filter((label) => truncated.some((r) => r.label === label));
    for (const label of members) if (!judged.includes(label)) kept.add(label);
    const summaries = judged.map((label) => summariseConfiguration(label, truncated.filter((r) => r.label === label), suite, criteria));
    for (const s of rankConfigurations(summaries, criteria).slice(0, Math.ceil(judged.length / 2))) kept.add(s.label);
  }
  return kept;
}

/**
 * Survivors of a halving rung go on from where they stopped instead of retraining: each run of
 * `pending` whose latest record completed fewer epochs than it is to train (stopped at a rung, not
 * by `stopWhen`), and whose state that rung kept in `weightsFolderOf(stateFolder, run)`, gets
 * `resume` (the record's epochs and seconds). Others are left to train from their start.
 *
 * @example
 * ```ts
 * const next = resumeSurvivors(unfinished(rung, records), records, join(runFolder, 'halving'));
 * next[0].resume?.history.length; // 50: the epochs of the previous rung
 * ```
 */
export function resumeSurvivors(pending: readonly RunSpec[], records: readonly RunRecord[], stateFolder: string): RunSpec[] {
  const latest = new Map<string, RunRecord>();
  for (const record of records) latest.set(runKey(record), record);
  return pending.map((run) => {
    const record = latest.get(runKey(run));
    const goesOn =
      record !== undefined &&
      record.status === 'completed' &&
      record.stopped === undefined &&
      record.history.length > 0 &&
      record.history.length < run.training.epochs &&
      existsSync(join(weightsFolderOf(stateFolder, run), 'manifest.json'));
    return goesOn ? { ...run, resume: { history: record.history, seconds: record.seconds } } : run;
  });
}

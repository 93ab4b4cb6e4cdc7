import type { RunRecord, Suite, SuiteRun } from '../RunRecord.js';
import { rankConfigurations } from './rankConfigurations.js';
import { summariseConfiguration, type ConfigurationSummary } from './summariseConfiguration.js';
import type { TaskCriteria } from './taskCriteria.js';
import { extremes } from './extremes.js';

/** One swept configuration: its settings ranked on the selection split, and the one chosen. */
export interface SweepResult {
  /** The configuration as the suite file names it (`sweepOf`). */
  readonly configuration: string;
  /** The swept paths, in the space's order. */
  readonly paths: readonly string[];
  /** Every setting, best first; those stopped early by successive halving last. */
  readonly ranked: readonly SweptSetting[];
  /** The best setting that trained every epoch (undefined: none did). */
  readonly chosen: SweptSetting | undefined;
}

export interface SweptSetting {
  readonly run: SuiteRun;
  readonly setting: Readonly<Record<string, unknown>>;
  readonly summary: ConfigurationSummary;
  /** Epochs its runs trained (fewer than planned: stopped by successive halving or its stopWhen). */
  readonly epochs: number;
  /** Every run of it ended where it was to: at its last epoch or where its `training.stopWhen` stopped it. */
  readonly stoppedByCriterion: boolean;
}

/**
 * The suite's sweeps: for each configuration with settings (`sweepOf`), its settings ranked as the
 * summary ranks configurations (final metrics on the selection split, validation when measured),
 * settings that trained every planned epoch first; the chosen setting is the best of those.
 *
 * @example
 * ```ts
 * sweepResults(records, suite, criteria)[0].chosen?.setting; // { "network.learningRate": 0.3 }
 * ```
 */
export function sweepResults(records: readonly RunRecord[], suite: Suite, criteria: TaskCriteria): SweepResult[] {
  const groups = new Map<string, SuiteRun[]>();
  for (const run of suite.runs) if (run.sweepOf !== undefined) groups.set(run.sweepOf, [...(groups.get(run.sweepOf) ?? []), run]);
  return [...groups].map(([configuration, runs]) => {
    const settings = runs.map((run): SweptSetting => {
      const own = records.filter((r) => r.label === run.label);
      const summary = summariseConfiguration(run.label, own, suite, criteria);
      return {
        run,
        setting: run.setting ?? {},
        summary,
        epochs: Math.max(0, extremes(own.map((r) => r.history.length)).max),
        stoppedByCriterion: own.some((r) => r.stopped) && own.every((r) => r.stopped !== undefined || r.history.length >= summary.plannedEpochs),
      };
    });
    // A setting stopped by its own stopWhen trained as long as it was to; only a halving rung cuts it short.
    const full = (s: SweptSetting) => s.epochs >= s.summary.plannedEpochs || s.stoppedByCriterion;
    const order = (list: SweptSetting[]) =>
      rankConfigurations(list.map((s) => s.summary), criteria).map((summary) => list.find((s) => s.summary === summary)!);
    const ranked = [...order(settings.filter(full)), ...order(settings.filter((s) => !full(s)))];
    const chosen = ranked.find((s) => full(s) && s.summary.final.size > 0);
    return { configuration, paths: [...new Set(runs.flatMap((run) => Object.keys(run.setting ?? {})))], ranked, chosen };
  });
}

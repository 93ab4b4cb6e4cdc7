import type { EpochRecord } from 'synthgrad';
import type { RunRecord } from '../RunRecord.js';
import type { Suite } from '../suite/suiteSchema.js';
import { meanStd, type MeanStd } from './meanStd.js';

type Metric = 'exactAccuracy' | 'bitAccuracy' | 'accuracy';

/**
 * How configurations are compared, as the HTML report does: binary digits rank by exact-sum accuracy
 * then bit accuracy, "learned" at 75% bit accuracy; classification by accuracy, learned at 90%.
 */
const CRITERIA = {
  'binary-digits': { ranking: ['exactAccuracy', 'bitAccuracy'], threshold: { metric: 'bitAccuracy', value: 0.75 } },
  classification: { ranking: ['accuracy'], threshold: { metric: 'accuracy', value: 0.9 } },
} as const satisfies Record<string, { ranking: readonly Metric[]; threshold: { metric: Metric; value: number } }>;

/** One configuration's results over its seeds. */
export interface ConfigurationSummary {
  readonly label: string;
  readonly trainer: string;
  readonly runs: number;
  readonly completed: number;
  readonly diverged: number;
  readonly failed: number;
  readonly task: keyof typeof CRITERIA;
  /** Final test accuracies over completed runs. */
  readonly exactAccuracy?: MeanStd;
  readonly bitAccuracy?: MeanStd;
  readonly accuracy?: MeanStd;
  /** Epoch (from 1) where the mean ranking metric over the runs is highest. */
  readonly bestEpoch?: number;
  readonly threshold: { readonly metric: Metric; readonly value: number };
  /** First epoch (from 1) whose mean threshold metric over the runs reaches the threshold. */
  readonly epochsToThreshold?: number;
  /** Seconds per completed run. */
  readonly seconds?: MeanStd;
}

/**
 * Summarises records (one per configuration and seed) by configuration, ranked by mean final test
 * accuracy; configurations without a completed run come last, in the suite's order. Final values come
 * from completed runs; the mean curves behind best epoch and epochs-to-threshold also include the
 * epochs a diverged run finished.
 */
export function summarize(records: readonly RunRecord[], suite: Suite): ConfigurationSummary[] {
  const task = records.some((r) => r.history.some((e) => e.test.accuracy !== undefined)) ? 'classification' : 'binary-digits';
  const summaries = suite.runs.map((run) => summarizeConfiguration(run.label, run.trainer, records, task));
  const ranking: readonly Metric[] = CRITERIA[task].ranking;
  const rank = (a: ConfigurationSummary, b: ConfigurationSummary) => {
    for (const metric of ranking) {
      const [x, y] = [a[metric]?.mean ?? -1, b[metric]?.mean ?? -1];
      if (x !== y) return y - x;
    }
    return 0;
  };
  return summaries
    .map((summary, order) => ({ summary, order }))
    .sort((a, b) => rank(a.summary, b.summary) || a.order - b.order)
    .map(({ summary }) => summary);
}

function summarizeConfiguration(
  label: string,
  trainer: string,
  all: readonly RunRecord[],
  task: keyof typeof CRITERIA,
): ConfigurationSummary {
  const { ranking, threshold } = CRITERIA[task];
  const records = all.filter((r) => r.label === label);
  const completed = records.filter((r) => r.status === 'completed' && r.history.length > 0);
  const final = (metric: Metric) => meanStd(completed.flatMap((r) => finite(r.history[r.history.length - 1].test[metric])));
  const [primary, secondary] = ranking.map((metric: Metric) => meanCurve(records, metric));
  return {
    label,
    trainer: records[0]?.trainer ?? trainer,
    runs: records.length,
    completed: completed.length,
    diverged: records.filter((r) => r.status === 'diverged').length,
    failed: records.filter((r) => r.status === 'failed').length,
    task,
    ...optional('exactAccuracy', final('exactAccuracy')),
    ...optional('bitAccuracy', final('bitAccuracy')),
    ...optional('accuracy', final('accuracy')),
    ...optional('bestEpoch', bestEpoch(primary, secondary)),
    threshold,
    ...optional('epochsToThreshold', meanCurve(records, threshold.metric).find((p) => p.mean >= threshold.value)?.epoch),
    ...optional('seconds', meanStd(completed.map((r) => r.seconds))),
  };
}

interface CurvePoint {
  readonly epoch: number;
  readonly mean: number;
}

/** Mean of a test metric at each epoch (from 1) over the runs that reached it. */
function meanCurve(records: readonly RunRecord[], metric: Metric): CurvePoint[] {
  const byEpoch = new Map<number, number[]>();
  for (const record of records) {
    record.history.forEach((epoch: EpochRecord, i) => {
      for (const v of finite(epoch.test[metric])) byEpoch.set(i + 1, [...(byEpoch.get(i + 1) ?? []), v]);
    });
  }
  return [...byEpoch].sort(([a], [b]) => a - b).map(([epoch, values]) => ({ epoch, mean: meanStd(values)!.mean }));
}

/** Highest primary mean; ties go to the higher secondary mean, then to the earlier epoch. */
function bestEpoch(primary: readonly CurvePoint[], secondary: readonly CurvePoint[] = []): number | undefined {
  const tieBreak = new Map(secondary.map((p) => [p.epoch, p.mean]));
  let best: CurvePoint | undefined;
  for (const point of primary) {
    const better =
      best === undefined ||
      point.mean > best.mean ||
      (point.mean === best.mean && (tieBreak.get(point.epoch) ?? -Infinity) > (tieBreak.get(best.epoch) ?? -Infinity));
    if (better) best = point;
  }
  return best?.epoch;
}

function finite(value: number | undefined): number[] {
  return value !== undefined && Number.isFinite(value) ? [value] : [];
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

import { ConfigError } from '@synthgrad/core';
import type { EvaluationMetrics } from './evaluate.js';

/** A split and one of its metrics, as `"<split>.<metric>"`: `"train.bitAccuracy"`, `"validation.loss"`. */
export type EpochMetric = `${'train' | 'validation' | 'test'}.${keyof EvaluationMetrics}`;

/**
 * When `fit` may stop before its last epoch. Each part is optional; the run stops at the first
 * epoch where one holds, and the result says which (`FitResult.stopped`).
 *
 * - `reached`: `metric` has been ≥ `atLeast` for `forEpochs` consecutive epochs (converged);
 * - `plateau`: `metric` has not improved on its best by more than `minDelta` for `patience` epochs
 *   (higher is better; for a loss, name it and it is read as lower is better).
 *
 * Choices should read validation or train, never test: test is for reporting.
 *
 * @example
 * ```ts
 * fit(trainer, dataset, backend, {
 *   epochs: 1000, batchSize: 10,
 *   stopWhen: {
 *     reached: { metric: 'train.bitAccuracy', atLeast: 0.99, forEpochs: 20 },
 *     plateau: { metric: 'validation.bitAccuracy', patience: 100, minDelta: 0.002 },
 *   },
 * });
 * ```
 */
export interface StopCriterion {
  readonly reached?: { readonly metric: EpochMetric; readonly atLeast: number; readonly forEpochs?: number };
  readonly plateau?: { readonly metric: EpochMetric; readonly patience: number; readonly minDelta?: number };
}

/** Why and where a run stopped early. */
export interface EarlyStop {
  readonly criterion: 'reached' | 'plateau';
  /** The last epoch trained (counted from 1, as `EpochRecord.epoch`). */
  readonly epoch: number;
  readonly reason: string;
}

const SPLITS = ['train', 'validation', 'test'] as const;
const METRICS = ['loss', 'bitAccuracy', 'exactAccuracy', 'accuracy'] as const;

/** The per-split metrics of one epoch that a criterion reads. */
type EpochMetrics = Readonly<Partial<Record<(typeof SPLITS)[number], EvaluationMetrics>>>;

/**
 * Decides epoch by epoch whether a {@link StopCriterion} holds. Feed every epoch's metrics in
 * order to `after`; it returns the {@link EarlyStop} once the criterion holds.
 * Throws a `ConfigError` for a malformed criterion, naming the bad key and the known names.
 */
export class StopWhen {
  private heldSince: number | undefined;
  private best = Number.NaN;
  private bestEpoch = -1;

  constructor(private readonly criterion: StopCriterion) {
    const { reached, plateau } = criterion;
    if (reached) {
      checkMetric('stopWhen.reached.metric', reached.metric);
      if (!Number.isFinite(reached.atLeast)) throw new ConfigError('stopWhen.reached.atLeast', `expected a number, got ${reached.atLeast}`);
      checkCount('stopWhen.reached.forEpochs', reached.forEpochs ?? 1);
    }
    if (plateau) {
      checkMetric('stopWhen.plateau.metric', plateau.metric);
      checkCount('stopWhen.plateau.patience', plateau.patience);
      const delta = plateau.minDelta ?? 0;
      if (!(delta >= 0)) throw new ConfigError('stopWhen.plateau.minDelta', `expected a non-negative number, got ${plateau.minDelta}`);
    }
  }

  /** Reads the metrics of epoch `epoch` (counted from 1, as `EpochRecord.epoch`); returns why to stop now, or `undefined` to go on. */
  after(epoch: number, metrics: EpochMetrics): EarlyStop | undefined {
    const { reached, plateau } = this.criterion;
    if (reached) {
      const value = read(metrics, reached.metric);
      if (value !== undefined && value >= reached.atLeast) this.heldSince ??= epoch;
      else this.heldSince = undefined;
      const forEpochs = reached.forEpochs ?? 1;
      if (this.heldSince !== undefined && epoch - this.heldSince + 1 >= forEpochs) {
        return {
          criterion: 'reached',
          epoch,
          reason: `${reached.metric} ≥ ${reached.atLeast} for ${forEpochs} epoch${forEpochs === 1 ? '' : 's'} (since epoch ${this.heldSince})`,
        };
      }
    }
    if (plateau) {
      const raw = read(metrics, plateau.metric);
      if (raw !== undefined) {
        const value = plateau.metric.endsWith('.loss') ? -raw : raw;
        if (this.bestEpoch < 0 || value > this.best + (plateau.minDelta ?? 0)) {
          this.best = value;
          this.bestEpoch = epoch;
        }
      }
      if (this.bestEpoch >= 0 && epoch - this.bestEpoch >= plateau.patience) {
        const best = plateau.metric.endsWith('.loss') ? -this.best : this.best;
        return {
          criterion: 'plateau',
          epoch,
          reason: `${plateau.metric} no better than ${best.toFixed(4)} (epoch ${this.bestEpoch}) by more than ${plateau.minDelta ?? 0} for ${plateau.patience} epochs`,
        };
      }
    }
    return undefined;
  }
}

function read(metrics: EpochMetrics, metric: EpochMetric): number | undefined {
  const [split, name] = metric.split('.') as [(typeof SPLITS)[number], keyof EvaluationMetrics];
  const value = metrics[split]?.[name];
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function checkMetric(key: string, metric: string): void {
  const [split, name, ...rest] = String(metric).split('.');
  if (rest.length > 0 || !(SPLITS as readonly string[]).includes(split) || !(METRICS as readonly string[]).includes(name)) {
    const known = SPLITS.flatMap((s) => METRICS.map((m) => `"${s}.${m}"`)).join(', ');
    throw new ConfigError(key, `unknown metric "${metric}"; known: ${known}`);
  }
}

function checkCount(key: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(key, `expected a positive integer, got ${value}`);
}

import type { EpochRecord } from 'synthgrad';
import type { RunRecord } from '../../src/RunRecord.js';

type SplitMetrics = Partial<Record<'bitAccuracy' | 'exactAccuracy' | 'accuracy' | 'loss', number | null>>;

/**
 * Per-epoch test metrics of a hand-made run (`train` and `validation`: those splits' metrics, when
 * set); `null` stands for a NaN written to JSON.
 */
export type EpochMetrics = SplitMetrics & {
  trainLoss?: number | null;
  train?: SplitMetrics;
  validation?: SplitMetrics;
};

/** A hand-made run record: only what a test sets matters; the rest is plausible filler. */
export function makeRecord(
  label: string,
  seed: number,
  epochs: readonly EpochMetrics[],
  extra: Partial<RunRecord> & { gradientAlignment?: EpochRecord['gradientAlignment'][] } = {},
): RunRecord {
  const { gradientAlignment, ...rest } = extra;
  const history = epochs.map((m, epoch): EpochRecord => {
    const { trainLoss, train, validation, ...test } = m;
    return {
      epoch,
      trainLoss: (trainLoss ?? 1) as number,
      train: { loss: 1, ...train } as EpochRecord['train'],
      ...(validation ? { validation: { loss: 1, ...validation } as EpochRecord['test'] } : {}),
      test: { loss: 1, ...test } as EpochRecord['test'],
      ...(gradientAlignment?.[epoch] ? { gradientAlignment: gradientAlignment[epoch] } : {}),
      seconds: 0.1,
    };
  });
  return {
    suite: 'unit',
    label,
    seed,
    trainer: 'backprop',
    options: {},
    network: { layers: [{ units: 8 }, { units: 4 }, { units: 2 }], learningRate: 0.1 },
    dataset: { name: 'binary-addition', options: {} },
    training: { epochs: epochs.length, batchSize: 10 },
    status: 'completed',
    history,
    seconds: 1,
    backend: 'cpu',
    finishedAt: '2026-11-26T04:30:00.000Z',
    ...rest,
  };
}

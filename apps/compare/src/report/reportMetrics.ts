import type { EvaluationMetrics } from 'synthgrad';
import type { EpochValue } from './learningCurve.js';

/** A per-epoch metric the report tabulates and draws. */
export interface ReportMetric {
  /** Stable id, used as the chart's `data-metric`. */
  readonly id: string;
  /** What the chart and table call it: "Test bit accuracy". */
  readonly title: string;
  /** The y-axis title of its chart. */
  readonly axisTitle: string;
  readonly kind: 'accuracy' | 'loss';
  readonly value: EpochValue;
  /** One sentence for the chart caption. */
  readonly meaning: string;
}

/** The splits an epoch record evaluates: train, validation (when the dataset has one) and test. */
export type MetricSplit = 'train' | 'validation' | 'test';

const SPLIT_WORDS: Record<MetricSplit, { title: string; where: string }> = {
  train: { title: 'Train', where: 'on the training set' },
  validation: { title: 'Validation', where: 'on the held-out validation set, which every choice reads' },
  test: { title: 'Test', where: 'on the held-out test set' },
};

type Measured = 'bitAccuracy' | 'exactAccuracy' | 'accuracy' | 'loss';
const MEASURED: Record<Measured, { id: string; title: string; axisTitle: string; meaning: string }> = {
  bitAccuracy: { id: 'bit-accuracy', title: 'bit accuracy', axisTitle: 'bit accuracy', meaning: 'Fraction of output bits right' },
  exactAccuracy: {
    id: 'exact-accuracy',
    title: 'exact accuracy',
    axisTitle: 'exact accuracy',
    meaning: 'Fraction of examples with every output bit right (the exact sum)',
  },
  accuracy: { id: 'accuracy', title: 'accuracy', axisTitle: 'accuracy', meaning: 'Fraction of examples whose largest output is the labelled class' },
  loss: { id: 'loss', title: 'loss', axisTitle: 'loss', meaning: 'Loss at the end of the epoch' },
};

/** `measured` on `split`, e.g. `splitMetric('validation', 'bitAccuracy')` = "Validation bit accuracy". */
function splitMetric(split: MetricSplit, measured: Measured): ReportMetric {
  const m = MEASURED[measured];
  const chance = measured === 'bitAccuracy' ? ' (chance is 50%)' : '';
  return {
    id: `${split}-${m.id}`,
    title: `${SPLIT_WORDS[split].title} ${m.title}`,
    axisTitle: m.axisTitle,
    kind: measured === 'loss' ? 'loss' : 'accuracy',
    value: (e) => (e[split] as EvaluationMetrics | undefined)?.[measured],
    meaning: `${m.meaning} ${SPLIT_WORDS[split].where}${chance}.`,
  };
}

/** The learning-curve metrics, in the order the report shows them; each drawn when any run measured it. */
export const reportMetrics = {
  trainBitAccuracy: splitMetric('train', 'bitAccuracy'),
  validationBitAccuracy: splitMetric('validation', 'bitAccuracy'),
  testBitAccuracy: splitMetric('test', 'bitAccuracy'),
  trainExactAccuracy: splitMetric('train', 'exactAccuracy'),
  validationExactAccuracy: splitMetric('validation', 'exactAccuracy'),
  testExactAccuracy: splitMetric('test', 'exactAccuracy'),
  trainAccuracy: splitMetric('train', 'accuracy'),
  validationAccuracy: splitMetric('validation', 'accuracy'),
  testAccuracy: splitMetric('test', 'accuracy'),
  trainLoss: {
    id: 'train-loss',
    title: 'Train loss',
    axisTitle: 'loss',
    kind: 'loss',
    value: (e) => e.trainLoss,
    meaning: "Mean of the epoch's step losses, each measured before its step's update.",
  },
  validationLoss: splitMetric('validation', 'loss'),
  testLoss: splitMetric('test', 'loss'),
} as const satisfies Record<string, ReportMetric>;

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

/** The learning-curve metrics, in the order the report shows them; each drawn when any run measured it. */
export const reportMetrics = {
  testBitAccuracy: {
    id: 'test-bit-accuracy',
    title: 'Test bit accuracy',
    axisTitle: 'bit accuracy',
    kind: 'accuracy',
    value: (e) => e.test.bitAccuracy,
    meaning: 'Fraction of output bits right on the held-out test set (chance is 50%).',
  },
  testExactAccuracy: {
    id: 'test-exact-accuracy',
    title: 'Test exact accuracy',
    axisTitle: 'exact accuracy',
    kind: 'accuracy',
    value: (e) => e.test.exactAccuracy,
    meaning: 'Fraction of test examples with every output bit right (the exact sum).',
  },
  testAccuracy: {
    id: 'test-accuracy',
    title: 'Test accuracy',
    axisTitle: 'accuracy',
    kind: 'accuracy',
    value: (e) => e.test.accuracy,
    meaning: 'Fraction of test examples whose largest output is the labelled class.',
  },
  trainLoss: {
    id: 'train-loss',
    title: 'Train loss',
    axisTitle: 'loss',
    kind: 'loss',
    value: (e) => e.trainLoss,
    meaning: "Mean of the epoch's step losses, each measured before its step's update.",
  },
  testLoss: {
    id: 'test-loss',
    title: 'Test loss',
    axisTitle: 'loss',
    kind: 'loss',
    value: (e) => e.test.loss,
    meaning: 'Loss on the held-out test set at the end of the epoch.',
  },
} as const satisfies Record<string, ReportMetric>;

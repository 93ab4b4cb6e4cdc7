import type { EpochRecord } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../RunRecord.js';
import { parseSuite } from '../suite/readSuiteFile.js';
import { summarize } from './summarize.js';

const suite = parseSuite(
  {
    name: 'two',
    dataset: { name: 'binary-addition' },
    network: { layers: [{ units: 4 }] },
    training: { epochs: 3, batchSize: 10 },
    seeds: [1, 2],
    runs: [
      { label: 'slow', trainer: 'dni' },
      { label: 'fast', trainer: 'backprop' },
      { label: 'broken', trainer: 'dni' },
    ],
  },
  'test',
);

/** Train bits are the test bits + 0.1 (at most 1). */
function epochs(bits: number[], exact: number[]): EpochRecord[] {
  return bits.map((bitAccuracy, epoch) => ({
    epoch,
    trainLoss: 1,
    train: { loss: 1, bitAccuracy: Math.min(1, bitAccuracy + 0.1) },
    test: { loss: 1, bitAccuracy, exactAccuracy: exact[epoch] },
    seconds: 0.1,
  }));
}

function record(label: string, seed: number, status: RunRecord['status'], history: EpochRecord[], seconds = 2): RunRecord {
  return {
    suite: 'two',
    label,
    seed,
    trainer: label === 'fast' ? 'backprop' : 'dni',
    options: {},
    network: suite.network,
    dataset: { name: 'binary-addition', options: {} },
    training: suite.training,
    status,
    history,
    seconds,
    backend: 'cpu',
    finishedAt: '2026-01-01T00:00:00Z',
  };
}

describe('summarize', () => {
  const records = [
    record('slow', 1, 'completed', epochs([0.5, 0.6, 0.7], [0, 0.1, 0.2]), 3),
    record('slow', 2, 'completed', epochs([0.5, 0.7, 0.9], [0, 0.1, 0.4]), 5),
    record('fast', 1, 'completed', epochs([0.8, 0.9, 0.95], [0.3, 0.5, 0.6])),
    record('fast', 2, 'diverged', epochs([0.7], [0.2])),
    record('broken', 1, 'failed', []),
  ];
  const [first, second, third] = summarize(records, suite);

  it('ranks by mean final exact accuracy over completed runs, configurations without one last', () => {
    expect([first.label, second.label, third.label]).toEqual(['fast', 'slow', 'broken']);
    expect(first).toMatchObject({ runs: 2, completed: 1, diverged: 1, failed: 0 });
    expect(first.exactAccuracy).toMatchObject({ mean: 0.6, std: 0, n: 1 });
    expect(second.exactAccuracy!.mean).toBeCloseTo(0.3, 12);
    expect(second.exactAccuracy!.std).toBeCloseTo(Math.SQRT2 * 0.1, 12);
    expect(second.bitAccuracy!.mean).toBeCloseTo(0.8, 12);
    expect(third).toMatchObject({ runs: 1, failed: 1, completed: 0 });
    expect(third.exactAccuracy).toBeUndefined();
  });

  it('reads best epoch and epochs to 99% train bits off the mean curves, a diverged run counting its epochs', () => {
    // fast: train bits 0.9, 1, 1 (seed 1) and 0.8 (seed 2, diverged): means 0.85, 1, 1.
    expect(first.epochsToThreshold).toBe(2);
    expect(first.bestEpoch).toBe(3);
    expect(first.threshold).toEqual({ metric: 'train-bit-accuracy', title: 'Train bit accuracy', value: 0.99 });
    // slow: train bits means 0.6, 0.75, 0.9: never.
    expect(second.epochsToThreshold).toBeUndefined();
    expect(second.seconds!.mean).toBe(4);
    expect(third.epochsToThreshold).toBeUndefined();
  });

  it('ranks on validation when the runs measured it, and says so', () => {
    const withValidation = (history: EpochRecord[], validationExact: number) =>
      history.map((e) => ({ ...e, validation: { loss: 1, bitAccuracy: 0.5, exactAccuracy: validationExact } }));
    const validated = [
      record('slow', 1, 'completed', withValidation(epochs([0.5], [0.1]), 0.9)),
      record('fast', 1, 'completed', withValidation(epochs([0.9], [0.8]), 0.2)),
    ];
    const ranked = summarize(validated, suite);
    expect(ranked.map((s) => s.label)).toEqual(['slow', 'fast', 'broken']);
    expect(ranked[0].selection).toBe('validation');
    expect(ranked[0].finals.get('validation-exact-accuracy')).toMatchObject({ mean: 0.9 });
    expect(first.selection).toBe('test');
  });
});

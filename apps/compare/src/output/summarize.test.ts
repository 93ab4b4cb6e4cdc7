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

function epochs(bits: number[], exact: number[]): EpochRecord[] {
  return bits.map((bitAccuracy, epoch) => ({
    epoch,
    trainLoss: 1,
    train: { loss: 1 },
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

  it('reads best epoch and epochs to 75% bits off the mean curves, a diverged run counting its epochs', () => {
    // fast: epoch 1 bits mean (0.8 + 0.7) / 2 = 0.75 reaches the threshold at once.
    expect(first.epochsToThreshold).toBe(1);
    expect(first.bestEpoch).toBe(3);
    // slow: bits means 0.5, 0.65, 0.8.
    expect(second.epochsToThreshold).toBe(3);
    expect(second.seconds!.mean).toBe(4);
    expect(third.epochsToThreshold).toBeUndefined();
  });
});

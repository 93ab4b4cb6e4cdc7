import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../test/report/makeRecord.js';
import { parseSuite } from '../suite/readSuiteFile.js';
import { mergeRunFolders } from './mergeRunFolders.js';

const suite = (labels: readonly string[], seeds: readonly number[]) =>
  parseSuite(
    {
      name: 'unit',
      dataset: { name: 'binary-addition' },
      network: { layers: [{ units: 4 }] },
      training: { epochs: 1, batchSize: 10 },
      seeds,
      runs: labels.map((label) => ({ label, trainer: 'backprop' })),
    },
    'test',
  );

describe('mergeRunFolders', () => {
  it('unites configurations and seeds, and keeps the later record of a run recorded in two folders', () => {
    const early = makeRecord('bp', 1, [{ exactAccuracy: 0.25 }], { finishedAt: '2026-01-01T00:00:00Z' });
    const late = makeRecord('bp', 1, [{ exactAccuracy: 0.5 }], { finishedAt: '2026-01-02T00:00:00Z' });
    const { suite: merged, records } = mergeRunFolders([
      { folder: 'a', suite: suite(['bp'], [1]), records: [late] },
      { folder: 'b', suite: suite(['bp', 'other'], [1, 2]), records: [early, makeRecord('other', 2, [{}])] },
    ]);
    expect(merged.runs.map((r) => r.label)).toEqual(['bp', 'other']);
    expect(merged.seeds).toEqual([1, 2]);
    expect(records).toEqual([late, makeRecord('other', 2, [{}])]);
  });

  it('refuses a label that stands for another configuration in another folder, naming both', () => {
    expect(() =>
      mergeRunFolders([
        { folder: 'a', suite: suite(['bp'], [1]), records: [makeRecord('bp', 1, [{}])] },
        { folder: 'b', suite: suite(['bp'], [2]), records: [makeRecord('bp', 2, [{}], { backend: 'mathjs' })] },
      ]),
    ).toThrow('"bp" seed 1 in a and seed 2 in b: backend differ');
  });
});

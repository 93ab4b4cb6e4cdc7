import { describe, expect, it } from 'vitest';
import type { EpochRecord } from 'synthgrad';
import { historyEpochs } from './historyEpochs.js';

const history = (epochs: readonly number[]) => epochs.map((epoch) => ({ epoch }) as EpochRecord);

describe('historyEpochs', () => {
  it('reads the records\' epochs, counted from 1', () => {
    expect(historyEpochs(history([1, 2, 3]))).toEqual([1, 2, 3]);
    expect(historyEpochs(history([4, 5]))).toEqual([4, 5]);
  });

  it('shifts a history that starts at 0 (staged runs recorded before epochs counted from 1)', () => {
    expect(historyEpochs(history([0, 1, 2]))).toEqual([1, 2, 3]);
  });

  it('falls back to the position for a record without a usable epoch', () => {
    expect(historyEpochs([{ epoch: 1 }, {}, { epoch: 3 }] as EpochRecord[])).toEqual([1, 2, 3]);
    expect(historyEpochs([])).toEqual([]);
  });
});

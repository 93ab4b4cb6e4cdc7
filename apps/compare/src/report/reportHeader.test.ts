import { describe, expect, it } from 'vitest';
import type { Suite } from '../RunRecord.js';
import { networkText } from './reportHeader.js';

const suite = (runs: Suite['runs'], learningRate?: number): Suite =>
  ({
    name: 'unit',
    dataset: { name: 'binary-addition', options: {} },
    network: { layers: [{ units: 4 }, { units: 2 }], ...(learningRate === undefined ? {} : { learningRate }) },
    training: { epochs: 2, batchSize: 10 },
    seeds: [1],
    runs,
  }) as Suite;

describe('networkText', () => {
  it('gives the one learning rate every configuration trains at', () => {
    expect(networkText(suite([{ label: 'a', trainer: 'backprop' }], 0.1))).toBe('4 → 2 units, sigmoid · learning rate 0.1');
    expect(networkText(suite([{ label: 'a', trainer: 'backprop', network: { learningRate: 1 } }], 0.1))).toBe('4 → 2 units, sigmoid · learning rate 1');
  });

  it('does not print the suite default as if every run used it when configurations differ', () => {
    const text = networkText(suite([{ label: 'backprop', trainer: 'backprop', network: { learningRate: 1 } }, { label: 'dni', trainer: 'dni' }], 0.1));
    expect(text).toBe('4 → 2 units, sigmoid · learning rate per configuration (0.1, 1; see Settings)');
  });
});

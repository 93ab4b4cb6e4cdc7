import { describe, expect, it } from 'vitest';
import { defaultState, stateProblems } from './stateProperties.js';

describe('the problems of a state, as the worker checks it', () => {
  it('are none for every default, and name each key out of bounds or of the wrong kind', () => {
    expect(stateProblems(defaultState())).toEqual([]);
    expect(stateProblems(defaultState('mnist'))).toEqual([]);
    const bad = { ...defaultState(), epochs: 2e6, hidden: Array(17).fill(8), seed: -1, learningRate: Number.NaN, batchSize: '10' as unknown as number };
    expect(stateProblems(bad)).toEqual([
      '"seed": expected an integer from 0 to 4294967295, got "-1"',
      '"hidden": at most 16 hidden layers, got 17',
      '"learningRate": expected a number ≥ 0, got "NaN"',
      '"batchSize": expected a number',
      '"epochs": expected an integer from 1 to 1000000, got "2000000"',
    ]);
  });
});

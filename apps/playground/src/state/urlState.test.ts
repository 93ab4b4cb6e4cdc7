import { describe, expect, it } from 'vitest';
import { defaultState } from './stateProperties.js';
import { hashToState, stateToHash } from './urlState.js';

describe('the state in the URL hash', () => {
  it('round-trips every property', () => {
    const state = {
      ...defaultState(),
      bits: 10,
      hidden: [32, 16, 8],
      activation: 'x / (1 + abs(x))',
      trainer: 'backprop',
      generatorInput: ['labels'],
      learningRate: 0.125,
      generatorLearningRate: 0.0005,
      batchSize: 25,
      epochs: 7,
      seed: 42,
    };
    expect(hashToState(stateToHash(state))).toEqual(state);
  });

  it('fills missing keys with their defaults', () => {
    expect(hashToState('#bits=5')).toEqual({ ...defaultState(), bits: 5 });
    expect(hashToState('')).toEqual(defaultState());
  });

  it('names the bad key and lists the known ones', () => {
    expect(() => hashToState('#bitz=5')).toThrow(/unknown setting "bitz".*known: bits, trainSize/);
    expect(() => hashToState('#bits=40')).toThrow(/"bits": expected an integer from 2 to 26, got "40"/);
    expect(() => hashToState('#hidden=32,x')).toThrow(/"hidden": expected positive integers, got "x"/);
    expect(() => hashToState('#learningRate=')).toThrow(/"learningRate"/);
  });
});

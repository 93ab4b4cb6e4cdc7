import { describe, expect, it } from 'vitest';
import { didYouMean, nearestNames } from './nearestNames.js';

describe('nearestNames', () => {
  it('finds a name one typo away: a swap, a missing, an extra or a wrong letter', () => {
    const known = ['labels', 'layer-output', 'inputs', 'combination'];
    expect(nearestNames('lables', known)).toEqual(['labels']); // swap of two neighbours: 1 edit
    expect(nearestNames('label', known)).toEqual(['labels']); // missing letter
    expect(nearestNames('inputss', known)).toEqual(['inputs']); // extra letter
    expect(nearestNames('layer-outptu', known)).toEqual(['layer-output']);
    expect(nearestNames('combinatoin', known)).toEqual(['combination']);
  });

  it('ignores letter case', () => {
    expect(nearestNames('trainsize', ['trainSize', 'testSize'])).toEqual(['trainSize']);
  });

  it('allows two edits, not three', () => {
    // "sgdd" → "sgd" is 1; "adma" → "adam" is 1 swap; "rmsprp" → "rmsprop" 1; "momntm" → "momentum" 2.
    expect(nearestNames('momntm', ['momentum'])).toEqual(['momentum']);
    expect(nearestNames('mmntm', ['momentum'])).toEqual([]);
    expect(nearestNames('adma', ['adam', 'sgd'])).toEqual(['adam']);
  });

  it('gives every name at the smallest distance, in the order given', () => {
    expect(nearestNames('beta3', ['beta1', 'beta2', 'epsilon'])).toEqual(['beta1', 'beta2']);
    // "relu" is 1 away from "reli"; "tanh" is farther: only the nearest count.
    expect(nearestNames('reli', ['tanh', 'relu', 'rel'])).toEqual(['relu', 'rel']);
  });

  it('suggests nothing for short or far names', () => {
    expect(nearestNames('p', ['rate'])).toEqual([]);
    expect(nearestNames('bn', ['batch-normalized-output', 'in'])).toEqual([]);
    expect(nearestNames('conv', ['dense', 'dropout'])).toEqual([]);
    expect(nearestNames('anything', [])).toEqual([]);
  });

  it('does not suggest the name itself', () => {
    expect(nearestNames('dense', ['dense'])).toEqual([]);
  });
});

describe('didYouMean', () => {
  it('ends a message with the nearest names, or with nothing', () => {
    expect(didYouMean('momemtum', ['momentum', 'epsilon'])).toBe('; did you mean "momentum"?');
    expect(didYouMean('beta3', ['beta1', 'beta2'])).toBe('; did you mean "beta1" or "beta2"?');
    expect(didYouMean('conv', ['dense', 'dropout'])).toBe('');
  });
});

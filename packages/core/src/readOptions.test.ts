import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { readOptions } from './readOptions.js';

describe('readOptions', () => {
  it('names an unknown option, lists the known ones and suggests the nearest', () => {
    expect(() => readOptions('adam.options', { betta1: 0.9 }, ['beta1', 'beta2', 'epsilon'])).toThrow(
      new ConfigError('adam.options', 'unknown option "betta1"; known: "beta1", "beta2", "epsilon"; did you mean "beta1"?'),
    );
  });

  it('suggests nothing when no known option is near', () => {
    expect(() => readOptions('adam.options', { lr: 1 }, ['beta1', 'beta2', 'epsilon'])).toThrow(
      new ConfigError('adam.options', 'unknown option "lr"; known: "beta1", "beta2", "epsilon"'),
    );
    expect(() => readOptions('labels', { dim: 2 }, [])).toThrow(new ConfigError('labels', 'unknown option "dim"; it takes no options'));
  });

  it('passes known options through, and undefined as {}', () => {
    expect(readOptions('x', { beta1: 0.9 }, ['beta1'])).toEqual({ beta1: 0.9 });
    expect(readOptions('x', undefined, ['beta1'])).toEqual({});
  });
});

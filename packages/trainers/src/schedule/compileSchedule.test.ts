import { ConfigError } from '@synthgrad/core';
import { describe, expect, it } from 'vitest';
import { compileSchedule } from './compileSchedule.js';

describe('compileSchedule', () => {
  it('keeps a constant', () => {
    expect(compileSchedule(0.1)({ epoch: 7, step: 700 })).toBe(0.1);
  });

  it('evaluates an expression of epoch and step', () => {
    const lr = compileSchedule('0.1 * 0.5 ^ floor(epoch / 10) + step * 0');
    expect(lr({ epoch: 0, step: 0 })).toBeCloseTo(0.1, 15);
    expect(lr({ epoch: 25, step: 3 })).toBeCloseTo(0.025, 15);
    expect(compileSchedule('1 / (1 + step)')({ epoch: 0, step: 3 })).toBe(0.25);
  });

  it('names an unknown variable', () => {
    expect(() => compileSchedule('0.1 * epoc')).toThrow(ConfigError);
    expect(() => compileSchedule('0.1 * epoc')).toThrow('learningRate: "0.1 * epoc" uses "epoc"; only epoch and step are defined');
  });

  it('rejects unparsable text, negative and non-finite rates', () => {
    expect(() => compileSchedule('0.1 *', 'runs[2].learningRate')).toThrow(/^runs\[2\]\.learningRate: cannot parse "0.1 \*"/);
    expect(() => compileSchedule(-1)).toThrow('learningRate: expected a finite, non-negative number, got -1');
    expect(() => compileSchedule(Number.NaN)).toThrow(ConfigError);
    expect(() => compileSchedule('1 - epoch')({ epoch: 2, step: 0 })).toThrow(/gave -1 at epoch 2, step 0/);
  });
});

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
    expect(() => compileSchedule('0.1 * epoc')).toThrow('learningRate: "0.1 * epoc" uses "epoc"; only epoch, step and the constants pi, e,');
  });

  it('rejects unparsable text, negative and non-finite rates', () => {
    expect(() => compileSchedule('0.1 *', 'runs[2].learningRate')).toThrow(/^runs\[2\]\.learningRate: "0.1 \*" does not parse/);
    expect(() => compileSchedule(-1)).toThrow('learningRate: expected a finite, non-negative number, got -1');
    expect(() => compileSchedule(Number.NaN)).toThrow(ConfigError);
    expect(() => compileSchedule('1 - epoch')({ epoch: 2, step: 0 })).toThrow(/gave -1 with epoch = 2, step = 0/);
  });

  // The hostile schedules of the issue: refused before any evaluation, with a short message.
  const hostile: [string, string][] = [
    ['size(zeros(30000,30000))[1]*0+0.1', 'found AccessorNode'],
    ['sum(ones(200,200))*0+0.1', 'calls "sum"; the functions allowed are abs,'],
    ['createUnit("zzz")', 'calls "createUnit"'],
    ['ones(1000,1000)*0.1', 'calls "ones"'],
    ['evaluate("0.1")', 'calls "evaluate"'],
    ['import({a: 1})', 'calls "import"'],
    ['0.1 * 2 m', 'uses "m"'],
    ['[0.1, 0.2][1]', 'found AccessorNode'],
    ['"0.1"', 'only number constants are allowed'],
  ];
  it.each(hostile)('refuses %s', (spec, message) => {
    expect(() => compileSchedule(spec)).toThrow(ConfigError);
    expect(() => compileSchedule(spec)).toThrow(message);
    try {
      compileSchedule(spec);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(600);
    }
  });

  it('refuses results that are not finite numbers', () => {
    expect(() => compileSchedule('10 ^ 400')({ epoch: 0, step: 0 })).toThrow(/gave Infinity with epoch = 0/);
    expect(() => compileSchedule('epoch < 3')({ epoch: 0, step: 0 })).toThrow(/gave a boolean with epoch = 0/);
    expect(() => compileSchedule('sqrt(-1 - epoch)')({ epoch: 0, step: 0 })).toThrow(/gave NaN with epoch = 0/);
    expect(compileSchedule('epoch < 3 ? 0.1 : 0.01')({ epoch: 5, step: 0 })).toBe(0.01);
  });

  it('leaves the global mathjs instance as it was', async () => {
    const { evaluate } = await import('mathjs');
    expect(() => compileSchedule('createUnit("zzz")')).toThrow(ConfigError);
    expect(() => evaluate('1 zzz')).toThrow();
  });
});

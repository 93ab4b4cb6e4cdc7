import { UnknownPluginError } from '@synthgrad/core';
import { describe, expect, it } from 'vitest';
import { cpu } from '../test/support/backends.js';
import { activations } from '../test/support/plugins.js';
import { FormulaActivation } from './FormulaActivation.js';
import { FormulaError } from './FormulaError.js';
import { resolveActivation } from './resolveActivation.js';

describe('resolveActivation', () => {
  it('finds a registered name', () => {
    expect(resolveActivation(activations, 'tanh', cpu).name).toBe('tanh');
  });

  it('reads anything else as a formula of x', () => {
    for (const formula of ['x / (1 + abs(x))', 'x', '2*x', 'log(1 + exp(x))']) {
      const f = resolveActivation(activations, formula, cpu);
      expect(f).toBeInstanceOf(FormulaActivation);
      expect(f.name).toBe(formula);
    }
  });

  it('lists the known names for an unknown name', () => {
    expect(() => resolveActivation(activations, 'sigmod', cpu)).toThrow(UnknownPluginError);
    expect(() => resolveActivation(activations, 'sigmod', cpu)).toThrow(
      'unknown activation "sigmod"; known: "identity", "relu", "sigmoid", "softmax", "tanh"',
    );
  });

  it('explains a formula that cannot be used', () => {
    expect(() => resolveActivation(activations, 'x + y', cpu)).toThrow(FormulaError);
  });
});

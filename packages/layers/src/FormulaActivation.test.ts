import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu } from '../test/support/backends.js';
import { expectMatrixClose } from '../test/support/matrices.js';
import { FormulaActivation } from './FormulaActivation.js';
import { FormulaError } from './FormulaError.js';

describe.each(backends)('FormulaActivation on $name', (backend) => {
  it('evaluates the formula and its derivative', () => {
    const softsign = new FormulaActivation(backend, 'x / (1 + abs(x))');
    const z = Matrix.fromArray([[-1, 0, 3]]);
    const y = softsign.forward(z);
    expectMatrixClose(y, [[-0.5, 0, 0.75]], 1e-15);
    // d/dx x/(1+|x|) = 1/(1+|x|)²
    expectMatrixClose(softsign.backward(Matrix.fromArray([[2, 1, 4]]), z, y), [[0.5, 1, 0.25]], 1e-15);
    expect(softsign.name).toBe('x / (1 + abs(x))');
    expect(softsign.derivative).toBe('1 / (abs(x) + 1) ^ 2');
  });

  it('accepts constants and makes non-real results NaN', () => {
    const f = new FormulaActivation(backend, 'pi * sqrt(x)');
    const y = f.forward(Matrix.fromArray([[4, -1]]));
    expect(y.get(0, 0)).toBeCloseTo(2 * Math.PI, 14);
    expect(y.get(0, 1)).toBeNaN();
  });
});

describe('FormulaActivation errors', () => {
  const cases: [string, string][] = [
    ['x / (1 + abs(x)', 'activation formula "x / (1 + abs(x)": does not parse: Parenthesis ) expected (char 16)'],
    ['x + y', 'activation formula "x + y": uses "y"; only x and the constants pi, e,'],
    ['max(x, 0)', 'activation formula "max(x, 0)": mathjs cannot differentiate it'],
    ['sigmoidal(x)', 'activation formula "sigmoidal(x)": calls "sigmoidal"; the functions allowed are abs, sign,'],
    ['y = x', 'activation formula "y = x": only arithmetic on numbers and calls of the allowed functions are allowed, found AssignmentNode "y = x"'],
    ['x > 0 ? x : 0', 'activation formula "x > 0 ? x : 0": mathjs cannot differentiate it'],
    // Hostile formulas: each is refused before anything is evaluated.
    ['evaluate("x")', 'activation formula "evaluate("x")": calls "evaluate"'],
    ['derivative("x^2", "x")', 'calls "derivative"'],
    ['createUnit("zzz") * 0 + x', 'calls "createUnit"'],
    ['sum(ones(200, 200)) * 0 + x', 'calls "sum"'],
    ['size(zeros(30000, 30000))[1] * 0 + x', 'only arithmetic on numbers and calls of the allowed functions are allowed, found AccessorNode'],
    ['x + "1"', 'only number constants are allowed, found ConstantNode'],
    ['x + [1, 2]', 'found ArrayNode'],
    ['x * 5 cm', 'uses "cm"'],
    ['f(t) = t; f(x)', 'found BlockNode'],
    ['x!', 'the operator "!" is not allowed'],
    ['x + i', 'uses "i"'],
    ['max(x, 0, 1, 2, 3, 4, 5, 6, 7)', 'calls "max" with 9 arguments; at most 8 are allowed'],
    [`x${' + x'.repeat(100)}`, 'has more than 200 terms'],
    [`x${' '.repeat(600)}`, 'characters long; at most 500 are allowed'],
  ];
  it.each(cases)('%s', (formula, message) => {
    expect(() => new FormulaActivation(cpu, formula)).toThrow(FormulaError);
    expect(() => new FormulaActivation(cpu, formula)).toThrow(message);
  });

  it('keeps every message short and on one line, whatever the formula', () => {
    for (const [formula] of cases) {
      const message = (() => {
        try {
          new FormulaActivation(cpu, formula);
          return '';
        } catch (error) {
          return (error as Error).message;
        }
      })();
      expect(message).not.toContain('\n');
      expect(message.length).toBeLessThan(600);
    }
  });

  it('changes no mathjs state: a refused createUnit leaves units undefined in the global instance', async () => {
    const { evaluate } = await import('mathjs');
    expect(() => new FormulaActivation(cpu, 'createUnit("zzz") * 0 + x')).toThrow(FormulaError);
    expect(() => evaluate('1 zzz')).toThrow();
  });
});


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
    ['x + y', 'activation formula "x + y": uses the variable "y"; only x is allowed'],
    ['max(x, 0)', 'activation formula "max(x, 0)": mathjs cannot differentiate it'],
    ['sigmoidal(x)', 'activation formula "sigmoidal(x)": the formula does not evaluate: Undefined function sigmoidal'],
    ['y = x', 'activation formula "y = x": only arithmetic and function calls are allowed, found AssignmentNode'],
    ['x > 0 ? x : 0', 'activation formula "x > 0 ? x : 0": only arithmetic and function calls are allowed'],
  ];
  it.each(cases)('%s', (formula, message) => {
    expect(() => new FormulaActivation(cpu, formula)).toThrow(FormulaError);
    expect(() => new FormulaActivation(cpu, formula)).toThrow(message);
  });
});

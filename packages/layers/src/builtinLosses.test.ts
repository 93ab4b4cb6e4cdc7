import { Matrix, Rng, ShapeError } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { expectMatrixClose, randomMatrix } from '../test/support/matrices.js';
import { builtinLosses } from './builtinLosses.js';

const byName = (name: string) => builtinLosses.find((p) => p.name === name)!;

/**
 * What each gradient is the derivative of, in terms of `value` (a mean over the batch): the
 * tutorial's delta is of the loss summed over the batch, the others of the value itself.
 */
const reductions: [string, (value: number, rows: number) => number][] = [
  ['tutorial-delta', (value, rows) => value * rows],
  ['mse', (value) => value],
  ['softmax-cross-entropy', (value) => value],
];

describe.each(backends)('built-in losses on $name', (backend) => {
  it.each(reductions)('%s: gradient matches finite differences', (name, objectiveOf) => {
    const rng = new Rng(31);
    const loss = byName(name).create(backend);
    const output = randomMatrix(rng, 5, 3);
    const target =
      name === 'softmax-cross-entropy'
        ? Matrix.fromArray([[1, 0, 0], [0, 0, 1], [0.2, 0.5, 0.3], [0, 1, 0], [0, 0, 1]])
        : randomMatrix(rng, 5, 3);
    const objective = () => objectiveOf(loss.value(output, target), output.rows);
    expectGradientMatches({ label: name, analytic: loss.gradient(output, target), objective, wrt: output });
  });

  it('tutorial-delta: value mean over the batch of Σ½(out − y)², gradient out − y', () => {
    const loss = byName('tutorial-delta').create(backend);
    const out = Matrix.fromArray([[1, 2], [0, 0]]);
    const y = Matrix.fromArray([[0, 0], [0, 3]]);
    expect(loss.value(out, y)).toBeCloseTo((2.5 + 4.5) / 2, 15);
    expectMatrixClose(loss.gradient(out, y), [[1, 2], [0, -3]]);
  });

  it('mse: value mean of (out − y)² over all elements, gradient 2(out − y)/(rows·cols)', () => {
    const loss = byName('mse').create(backend);
    const out = Matrix.fromArray([[1, 2], [0, 0]]);
    const y = Matrix.fromArray([[0, 0], [0, 3]]);
    expect(loss.value(out, y)).toBeCloseTo(14 / 4, 15);
    expectMatrixClose(loss.gradient(out, y), [[0.5, 1], [0, -1.5]]);
  });

  it('softmax-cross-entropy: value mean −Σ y log softmax(out), gradient (softmax(out) − y)/rows', () => {
    const loss = byName('softmax-cross-entropy').create(backend);
    const out = Matrix.fromArray([[0, Math.log(3)], [5, 5]]);
    const y = Matrix.fromArray([[0, 1], [1, 0]]);
    // softmax rows: [1/4, 3/4] and [1/2, 1/2].
    expect(loss.value(out, y)).toBeCloseTo((-Math.log(0.75) - Math.log(0.5)) / 2, 15);
    expectMatrixClose(loss.gradient(out, y), [[0.125, -0.125], [-0.25, 0.25]], 1e-15);
    // Logits far apart must not give log(0).
    expect(loss.value(Matrix.fromArray([[-800, 800]]), Matrix.fromArray([[1, 0]]))).toBeCloseTo(1600, 9);
  });

  it.each(builtinLosses.map((p) => p.name))('%s: names both shapes on a mismatch', (name) => {
    const loss = byName(name).create(backend);
    expect(() => loss.value(new Matrix(10, 3), new Matrix(10, 4))).toThrow(ShapeError);
    expect(() => loss.value(new Matrix(10, 3), new Matrix(10, 4))).toThrow(`${name}.value: output 10×3 but target 10×4`);
    expect(() => loss.gradient(new Matrix(10, 3), new Matrix(9, 3))).toThrow(
      `${name}.gradient: output 10×3 but target 9×3`,
    );
  });
});

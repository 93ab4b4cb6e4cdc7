import { det, identity, matrix, type Matrix as MathjsMatrix } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { ShapeError } from '../../errors.js';
import { Matrix } from '../../Matrix.js';
import { fromMathjs, toMathjs } from './mathjsConversion.js';

describe('toMathjs / fromMathjs', () => {
  it('carry every value across, both ways', () => {
    const m = Matrix.fromArray([[1, -2.5, 3], [4, 5, 1e-300]]);
    const dense = toMathjs(m);
    expect(dense.size()).toEqual([2, 3]);
    expect(dense.toArray()).toEqual([[1, -2.5, 3], [4, 5, 1e-300]]);
    expect(fromMathjs(dense).toArray()).toEqual(m.toArray());
    expect(fromMathjs([[7], [8]]).shape).toBe('2×1');
  });

  it('copy rather than share', () => {
    const m = Matrix.fromArray([[1, 2]]);
    const dense = toMathjs(m);
    m.set(0, 0, 99);
    expect(dense.get([0, 0])).toBe(1);
  });

  it('let mathjs functions work on a Matrix', () => {
    expect(det(toMathjs(Matrix.fromArray([[1, 2], [3, 4]])))).toBeCloseTo(-2, 12);
    expect(fromMathjs(identity(2) as MathjsMatrix).toArray()).toEqual([[1, 0], [0, 1]]);
  });

  it('reject what is not a two-dimensional matrix of numbers', () => {
    expect(() => fromMathjs(matrix([1, 2, 3]))).toThrow(ShapeError);
    expect(() => fromMathjs([])).toThrow(/fromMathjs: expected a non-empty two-dimensional matrix/);
    expect(() => fromMathjs([[1, 2], [3]])).toThrow(/row 1 has 1 values, row 0 has 2/);
    expect(() => fromMathjs(matrix([['a']] as unknown as number[][]))).toThrow(TypeError);
  });
});

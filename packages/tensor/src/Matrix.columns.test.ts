import { describe, expect, it } from 'vitest';
import { isMatrix, Matrix, ShapeError } from './index.js';

describe('Matrix.columns', () => {
  const m = Matrix.fromArray([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);

  it('is a view of a column range, with the parent’s row stride', () => {
    const view = m.columns(1, 2);
    expect(view.shape).toBe('3×2');
    expect(view.stride).toBe(4);
    expect(view.contiguous).toBe(false);
    expect(view.toArray()).toEqual([[2, 3], [6, 7], [10, 11]]);
    expect(view.get(2, 1)).toBe(11);
    expect(Array.from(view.row(1))).toEqual([6, 7]);
    expect(view.data.buffer).toBe(m.data.buffer);
    expect(view.data.length).toBe(2 * 4 + 2);
  });

  it('shares storage both ways', () => {
    const parent = m.clone();
    const view = parent.columns(2, 2);
    view.set(0, 0, -3);
    expect(parent.get(0, 2)).toBe(-3);
    parent.set(2, 3, -12);
    expect(view.get(2, 1)).toBe(-12);
    view.copyFrom(Matrix.fromArray([[0, 0], [0, 0], [0, 0]]));
    expect(parent.toArray()).toEqual([[1, 2, 0, 0], [5, 6, 0, 0], [9, 10, 0, 0]]);
  });

  it('views of views keep the stride; one row or every column is contiguous', () => {
    expect(m.columns(1, 3).columns(1, 1).toArray()).toEqual([[3], [7], [11]]);
    expect(m.columns(1, 3).columns(1, 1).stride).toBe(4);
    expect(m.columns(0, 4).contiguous).toBe(true);
    const single = Matrix.fromArray([[1, 2, 3]]).columns(1, 2);
    expect(single.contiguous).toBe(true);
    expect(single.toArray()).toEqual([[2, 3]]);
  });

  it('copies into contiguous matrices: clone, astype, resized', () => {
    const view = m.columns(1, 2);
    const copy = view.clone();
    expect(copy.contiguous).toBe(true);
    expect(Array.from(copy.data)).toEqual([2, 3, 6, 7, 10, 11]);
    expect(Array.from(view.astype('float32').data)).toEqual([2, 3, 6, 7, 10, 11]);
    const grown = view.resized(3, 3);
    expect(grown.contiguous).toBe(true);
    expect(grown.data.buffer).not.toBe(m.data.buffer);
    expect(m.get(0, 3)).toBe(4);
  });

  it('is a matrix to isMatrix, also as a plain object of another copy', () => {
    const view = m.columns(1, 2);
    expect(isMatrix(view)).toBe(true);
    expect(isMatrix({ rows: view.rows, cols: view.cols, stride: view.stride, data: view.data })).toBe(true);
    expect(isMatrix({ rows: 3, cols: 2, stride: 4, data: new Float64Array(9) })).toBe(false);
  });

  it('rejects ranges outside the matrix and strides that do not fit, naming them', () => {
    expect(() => m.columns(3, 2)).toThrow('columns: 3 … 4 (2 columns) are not columns of (3×4)');
    expect(() => m.columns(-1, 1)).toThrow(RangeError);
    expect(() => new Matrix(2, 3, new Float64Array(6), 2)).toThrow(/stride must be an integer ≥ cols \(3\), got 2/);
    expect(() => new Matrix(2, 3, new Float64Array(6), 4)).toThrow(ShapeError);
    expect(() => new Matrix(2, 3, new Float64Array(6), 4)).toThrow('with stride 4 needs 7');
  });
});

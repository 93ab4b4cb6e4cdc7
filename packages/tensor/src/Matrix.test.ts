import { describe, expect, it } from 'vitest';
import { Matrix, ShapeError } from './index.js';

describe('Matrix', () => {
  it('stores rows row-major and reads them back', () => {
    const m = Matrix.fromArray([[1, 2, 3], [4, 5, 6]]);
    expect(m.shape).toBe('2×3');
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(m.get(1, 2)).toBe(6);
    expect(m.toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('rejects ragged rows, naming the row', () => {
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values, row 0 has 2/);
    expect(() => Matrix.fromRows([[1, 2], [3]])).toThrow(ShapeError);
  });

  it('rejects invalid sizes and wrong data lengths', () => {
    expect(() => new Matrix(-1, 2)).toThrow(/rows must be a non-negative integer, got -1/);
    expect(() => new Matrix(2, 1.5)).toThrow(/cols must be a non-negative integer, got 1.5/);
    expect(() => new Matrix(2, 2, new Float64Array(3))).toThrow(/data has 3 values, 2×2 needs 4/);
  });
});

describe('Matrix.resized', () => {
  it('reuses the storage when it holds enough values, and allocates new storage otherwise', () => {
    const m = new Matrix(4, 3);
    const smaller = m.resized(2, 5);
    expect(smaller.shape).toBe('2×5');
    smaller.data[9] = 7;
    expect(m.data[9]).toBe(7);
    const larger = m.resized(5, 3);
    expect(larger.shape).toBe('5×3');
    expect(larger.data.buffer).not.toBe(m.data.buffer);
  });
});

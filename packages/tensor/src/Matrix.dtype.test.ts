import { describe, expect, it } from 'vitest';
import { bufferOfShape, CpuBackend, Matrix, zerosFor } from './index.js';

describe('Matrix dtypes', () => {
  it('is float64 unless made float32, and says so', () => {
    expect(new Matrix(2, 2).dtype).toBe('float64');
    const m = Matrix.zeros(2, 3, 'float32');
    expect(m.dtype).toBe('float32');
    expect(m.data).toBeInstanceOf(Float32Array);
    expect(new Matrix(1, 2, new Float32Array(2)).dtype).toBe('float32');
  });

  it('rounds what a float32 matrix stores', () => {
    const m = Matrix.zeros(1, 1, 'float32');
    m.set(0, 0, 0.1);
    expect(m.get(0, 0)).toBe(Math.fround(0.1));
    expect(m.get(0, 0)).not.toBe(0.1);
  });

  it('converts with astype, and returns itself when the dtype is already right', () => {
    const m = Matrix.fromArray([[0.1, 1 / 3]]);
    expect(m.astype('float64')).toBe(m);
    const single = m.astype('float32');
    expect(single.dtype).toBe('float32');
    expect(Array.from(single.data)).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
    expect(single.astype('float64').data).toBeInstanceOf(Float64Array);
  });

  it('keeps the dtype through clone and resized, on the same storage when it fits', () => {
    const m = Matrix.zeros(4, 5, 'float32');
    expect(m.clone().dtype).toBe('float32');
    const smaller = m.resized(2, 5);
    expect(smaller.dtype).toBe('float32');
    expect(smaller.data.buffer).toBe(m.data.buffer);
    const larger = m.resized(10, 10);
    expect(larger.dtype).toBe('float32');
    expect(larger.size).toBe(100);
  });

  it('rejects an unknown dtype and data that is not a float array, naming them', () => {
    expect(() => Matrix.zeros(1, 1, 'float16' as 'float32')).toThrow(
      "Matrix: dtype must be 'float64' or 'float32', got float16",
    );
    expect(() => new Matrix(1, 2, new Int32Array(2) as unknown as Float64Array)).toThrow(
      'Matrix: data must be a Float64Array or a Float32Array',
    );
  });

  it('zerosFor and bufferOfShape follow a backend without storage of its own to its dtype', () => {
    const single = new CpuBackend({ dtype: 'float32' });
    expect(zerosFor(single, 2, 2).dtype).toBe('float32');
    expect(bufferOfShape(undefined, 3, 2, single).dtype).toBe('float32');
    expect(bufferOfShape(undefined, 3, 2).dtype).toBe('float64');
    expect(zerosFor(new CpuBackend(), 2, 2).dtype).toBe('float64');
  });
});

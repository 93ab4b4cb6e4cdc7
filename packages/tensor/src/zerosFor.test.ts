import { describe, expect, it } from 'vitest';
import { CpuBackend, Matrix, zerosFor, type TensorBackend } from './index.js';

describe('zerosFor', () => {
  it('gives an ordinary zero matrix on a backend without storage of its own', () => {
    const m = zerosFor(new CpuBackend(), 2, 3);
    expect(m).toBeInstanceOf(Matrix);
    expect(m.toArray()).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  it("asks the backend's zeros when it has one", () => {
    const owned = new Matrix(2, 3);
    const calls: [number, number][] = [];
    const backend = Object.assign(Object.create(new CpuBackend()) as TensorBackend, {
      zeros: (rows: number, cols: number) => (calls.push([rows, cols]), owned),
    });
    expect(zerosFor(backend, 2, 3)).toBe(owned);
    expect(calls).toEqual([[2, 3]]);
  });
});

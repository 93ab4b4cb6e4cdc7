import { completeBackend, CpuBackend, Matrix, type MatmulOptions } from '@synthgrad/tensor';
import { describeBackendContract } from '@synthgrad/tensor/testing';
import { describe, expect, it } from 'vitest';
import { BlasBackend } from './BlasBackend.js';

describeBackendContract('blas', () => new BlasBackend());

describe('BlasBackend without the library', () => {
  it('fails naming the library and what to install', () => {
    expect(() => new BlasBackend({ library: 'libopenblas-missing.so.0' })).toThrow(
      /libopenblas-missing\.so\.0.*apt-get install libopenblas0-pthread/,
    );
  });
});

describe('BlasBackend and its rest backend', () => {
  it('runs matmul itself and every other op on rest', () => {
    const calls: string[] = [];
    const cpu = new CpuBackend();
    const rest = completeBackend({
      name: 'recording',
      matmul(a: Matrix, b: Matrix, options?: MatmulOptions, out?: Matrix): Matrix {
        calls.push('matmul');
        return cpu.matmul(a, b, options, out);
      },
      add(a: Matrix, b: Matrix, out?: Matrix): Matrix {
        calls.push('add');
        return cpu.add(a, b, out);
      },
    });
    const blas = new BlasBackend({ rest });
    const x = Matrix.fromArray([[1, 2], [3, 4]]);
    expect(blas.matmul(x, x).toArray()).toEqual([[7, 10], [15, 22]]);
    expect(blas.add(x, x).toArray()).toEqual([[2, 4], [6, 8]]);
    expect(blas.relu(x).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(calls).toEqual(['add']);
  });
});

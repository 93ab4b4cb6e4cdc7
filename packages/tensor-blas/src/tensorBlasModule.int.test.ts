import { createContainer, TensorBackend } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { BlasBackend } from './BlasBackend.js';
import { tensorBlasModule } from './tensorBlasModule.js';

describe('tensorBlasModule', () => {
  it('lets createContainer select the blas backend by name', () => {
    const backend = createContainer({ modules: [tensorBlasModule], backend: 'blas' }).get(TensorBackend);
    expect(backend).toBeInstanceOf(BlasBackend);
    expect(backend.matmul(Matrix.fromArray([[1, 2]]), Matrix.fromArray([[3, 4]]), { transposeA: true }).toArray()).toEqual([
      [3, 4],
      [6, 8],
    ]);
  });
});

import { describeBackendProperties } from '@synthgrad/tensor/testing';
import { BlasBackend } from './BlasBackend.js';

// OpenBLAS against the mathjs oracle on random shapes, transposes and values (fast-check), to
// 1e-12 of the magnitude of what was summed; shapes past OpenBLAS's own blocking included.
describeBackendProperties('blas', () => new BlasBackend(), {
  blockedMatmul: { m: 140, k: 300, n: 40 },
  matmulShapes: [[5, 30, 2053]],
});

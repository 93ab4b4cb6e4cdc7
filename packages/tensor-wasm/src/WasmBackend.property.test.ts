import { describeBackendProperties } from '@synthgrad/tensor/testing';
import { WasmBackend } from './WasmBackend.js';

// The wasm backend against the mathjs oracle on random shapes and values (fast-check), to 1e-12 of
// the magnitude of what was summed, and sigmoid and tanh (its own exp and expm1) to 1e-12 relative.
// The cache-blocked products draw m up to 140 and k up to 300, past its blocks of 128 rows and 256
// inner terms; 5×30·2053 gives wide results, n past the packed-B block of 2048 columns.
// precision 'float32' has its own bounds: see WasmBackend.float32.test.ts.
describeBackendProperties('wasm', () => new WasmBackend(), {
  blockedMatmul: { m: 140, k: 300, n: 40 },
  matmulShapes: [[5, 30, 2053]],
});

import { Matrix, MathjsBackend, Rng, type MatmulOptions } from '@synthgrad/tensor';
import { expectMatrixClose } from '@synthgrad/tensor/testing';
import { describe, expect, it } from 'vitest';
import { WasmBackend } from './WasmBackend.js';

// precision 'float32' rounds the operands of matmul to float32 and accumulates in float32: each
// element is then within a few float32 roundings per term of the exact product, k·2⁻²⁴·Σ|terms|.
const fast = new WasmBackend({ precision: 'float32' });
const oracle = new MathjsBackend();
const MODES: readonly MatmulOptions[] = [
  {}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true },
];

function abs(m: Matrix): Matrix {
  return new Matrix(m.rows, m.cols, m.data.map(Math.abs));
}

describe("WasmBackend, precision 'float32'", () => {
  it.each([[1, 1, 1], [5, 9, 7], [10, 24, 128], [70, 300, 9], [130, 257, 40], [3, 5, 2053]])(
    'matmul %i×%i·%i is within k·2⁻²⁴·Σ|terms| of the exact product in all transpose modes',
    (m, k, n) => {
      const rng = new Rng(m + 31 * n);
      for (const options of MODES) {
        const a = rng.fillNormal(options.transposeA ? new Matrix(k, m) : new Matrix(m, k), 0, 1);
        const b = rng.fillNormal(options.transposeB ? new Matrix(n, k) : new Matrix(k, n), 0, 1);
        const scale = oracle.matmul(abs(a), abs(b), options);
        expectMatrixClose(fast.matmul(a, b, options), oracle.matmul(a, b, options), (k + 2) * 2 ** -24, scale);
      }
    },
  );

  it('is really float32: the result differs from float64 beyond 1e-12', () => {
    const rng = new Rng(3);
    const a = rng.fillNormal(new Matrix(20, 50), 0, 1);
    const b = rng.fillNormal(new Matrix(50, 20), 0, 1);
    const exact = new WasmBackend().matmul(a, b);
    const rounded = fast.matmul(a, b);
    const worst = Math.max(...exact.data.map((x, i) => Math.abs(x - rounded.data[i])));
    expect(worst).toBeGreaterThan(1e-9);
  });

  it('accumulates a float32 product into float64 values in float64 (out is not rounded)', () => {
    const rng = new Rng(4);
    for (const options of MODES) {
      const a = rng.fillNormal(options.transposeA ? new Matrix(24, 10) : new Matrix(10, 24), 0, 1);
      const b = rng.fillNormal(options.transposeB ? new Matrix(16, 24) : new Matrix(24, 16), 0, 1);
      const start = rng.fillNormal(new Matrix(10, 16), 0, 1);
      const out = start.clone();
      fast.matmul(a, b, { ...options, accumulate: true }, out);
      const scale = oracle.matmul(abs(a), abs(b), options);
      expectMatrixClose(out, oracle.add(oracle.matmul(a, b, options), start), 26 * 2 ** -24, scale);
      // Exactly the float32 product, then a float64 sum.
      expect(Array.from(out.data)).toEqual(Array.from(fast.add(start, fast.matmul(a, b, options)).data));
    }
  });

  it('keeps the other ops in float64', () => {
    const x = Matrix.fromArray([[0.1, 1 / 3]]);
    expect(fast.add(x, x).toArray()).toEqual([[0.2, 2 / 3]]);
  });

  it('rejects an unknown precision', () => {
    expect(() => new WasmBackend({ precision: 'float16' as 'float32' })).toThrow(
      "WasmBackend: precision must be 'float64' or 'float32', got float16",
    );
  });
});

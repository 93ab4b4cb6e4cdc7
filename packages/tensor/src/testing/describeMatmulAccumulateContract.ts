import { describe, expect, it } from 'vitest';
import { MathjsBackend } from '../backends/mathjs/MathjsBackend.js';
import { Matrix } from '../Matrix.js';
import type { MatmulOptions, TensorBackend } from '../TensorBackend.js';
import { expectMatrixClose } from './expectMatrixClose.js';
import { abs, random } from './randomMatrix.js';

const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1], [7, 1, 7], [5, 9, 7], [13, 6, 11], [10, 24, 128], [70, 300, 9], [3, 5, 1030],
];

const MODES: readonly MatmulOptions[] = [
  {}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true },
];

/**
 * The contract of `matmul(a, b, { accumulate: true }, out)`: `out += op(A)·op(B)`, checked against
 * the mathjs oracle's product then sum. Part of {@link describeBackendContract}.
 */
export function describeMatmulAccumulateContract(getBackend: () => TensorBackend): void {
  describe('matmul with accumulate', () => {
    const oracle = new MathjsBackend();

    it('adds op(A)·op(B) to out in every transpose mode (error ≤ 1e-12·Σ|terms|)', () => {
      const backend = getBackend();
      let seed = 2000;
      for (const [m, k, n] of SHAPES) {
        for (const options of MODES) {
          const left = random(options.transposeA ? [k, m] : [m, k], seed++);
          const right = random(options.transposeB ? [n, k] : [k, n], seed++);
          const start = random([m, n], seed++);
          const expected = oracle.add(oracle.matmul(left, right, options), start);
          const terms = oracle.add(oracle.matmul(abs(left), abs(right), options), abs(start));
          const out = start.clone();
          expect(backend.matmul(left, right, { ...options, accumulate: true }, out)).toBe(out);
          expectMatrixClose(out, expected, 1e-12, terms);
        }
      }
    });

    it('sums over repeated calls, as a weight used at several steps does', () => {
      const backend = getBackend();
      const grad = random([24, 16], 2100);
      const start = grad.clone();
      const steps = [0, 1, 2].map((t) => [random([10, 24], 2101 + 2 * t), random([10, 16], 2102 + 2 * t)]);
      let expected = start;
      let terms = abs(start);
      for (const [x, delta] of steps) {
        backend.matmul(x, delta, { transposeA: true, accumulate: true }, grad);
        expected = oracle.add(expected, oracle.matmul(x, delta, { transposeA: true }));
        terms = oracle.add(terms, oracle.matmul(abs(x), abs(delta), { transposeA: true }));
      }
      expectMatrixClose(grad, expected, 1e-12, terms);
    });

    it('leaves out as it was when the inner size is 0', () => {
      const out = Matrix.fromArray([[1, -2, 3], [4, 5, -6]]);
      getBackend().matmul(new Matrix(2, 0), new Matrix(0, 3), { accumulate: true }, out);
      expectMatrixClose(out, [[1, -2, 3], [4, 5, -6]], 0);
    });

    it('adds exactly where every value is exact', () => {
      const out = Matrix.fromArray([[1, 1], [1, 1]]);
      const a = Matrix.fromArray([[1, 2, 3], [4, 5, 6]]);
      const b = Matrix.fromArray([[7, 8], [9, 10], [11, 12]]);
      getBackend().matmul(a, b, { accumulate: true }, out);
      expectMatrixClose(out, [[59, 65], [140, 155]], 0);
      getBackend().matmul(a, b, { accumulate: false }, out);
      expectMatrixClose(out, [[58, 64], [139, 154]], 0);
    });

    it('accumulates into a float32 out (rounded on store)', () => {
      const backend = getBackend();
      const left = random([9, 14], 2200);
      const right = random([14, 6], 2201);
      const out = random([9, 6], 2202).astype('float32');
      const expected = oracle.add(oracle.matmul(left, right), out.astype('float64'));
      const terms = oracle.add(oracle.matmul(abs(left), abs(right)), abs(out.astype('float64')));
      backend.matmul(left, right, { accumulate: true }, out);
      expect(out.dtype).toBe('float32');
      // One float32 rounding of the result, plus float32 arithmetic where a backend's products are.
      expectMatrixClose(out, expected, 16 * 2 ** -24, terms);
    });

    it('needs out, and says so', () => {
      const backend = getBackend();
      expect(() => backend.matmul(new Matrix(2, 3), new Matrix(3, 2), { accumulate: true })).toThrow(
        'matmul: accumulate adds the product to out, so out must be given',
      );
    });

    it('rejects an operand as out', () => {
      const square = Matrix.fromArray([[1, 2], [3, 4]]);
      const other = Matrix.fromArray([[5, 6], [7, 8]]);
      expect(() => getBackend().matmul(square, other, { accumulate: true }, square)).toThrow(
        /matmul: out must not share memory/,
      );
    });
  });
}

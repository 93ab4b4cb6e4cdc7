import { beforeAll, describe, expect, it } from 'vitest';
import { MathjsBackend } from '../backends/mathjs/MathjsBackend.js';
import { ShapeError } from '../errors.js';
import { Matrix } from '../Matrix.js';
import { Rng } from '../random/Rng.js';
import type { MatmulOptions, TensorBackend } from '../TensorBackend.js';
import { describeColumnViewContract } from './describeColumnViewContract.js';
import { describeMatmulAccumulateContract } from './describeMatmulAccumulateContract.js';
import { expectMatrixClose } from './expectMatrixClose.js';
import { abs, random } from './randomMatrix.js';

/** Shapes every op is compared on: the degenerate ones, and sizes that are multiples of nothing. */
const EDGE_SHAPES: ReadonlyArray<readonly [number, number]> = [
  [1, 1], [1, 7], [7, 1], [2, 3], [5, 9], [13, 6],
];

/** Products compared with the oracle, as [m, k, n]: degenerate, ragged, and past cache blocks. */
const MATMUL_SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1], [1, 7, 1], [7, 1, 7], [1, 5, 9], [9, 5, 1], [5, 9, 7], [13, 6, 11], [4, 4, 4],
  [10, 24, 128], [70, 300, 9], [3, 5, 1030],
];

const TRANSPOSE_MODES: readonly MatmulOptions[] = [
  {}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true },
];

type Unary = (backend: TensorBackend, a: Matrix, out?: Matrix) => Matrix;
type Binary = (backend: TensorBackend, a: Matrix, b: Matrix, out?: Matrix) => Matrix;

interface UnaryCase {
  readonly op: string;
  readonly run: Unary;
  readonly input: number[][];
  readonly expected: number[][];
}

interface BinaryCase {
  readonly op: string;
  readonly run: Binary;
  readonly a: number[][];
  readonly b: number[][];
  readonly expected: number[][];
}

// Hand-computed cases: each value can be checked on paper.
const UNARY_CASES: readonly UnaryCase[] = [
  {
    op: 'scale', run: (k, a, out) => k.scale(a, -0.5, out),
    input: [[1, -2], [3, 0]], expected: [[-0.5, 1], [-1.5, -0]],
  },
  {
    op: 'map', run: (k, a, out) => k.map(a, (x) => x * x + 1, out),
    input: [[1, -2], [3, 0]], expected: [[2, 5], [10, 1]],
  },
  {
    op: 'sigmoid', run: (k, a, out) => k.sigmoid(a, out),
    input: [[0, Math.log(3), -Math.log(3), 1000, -1000]], expected: [[0.5, 0.75, 0.25, 1, 0]],
  },
  {
    op: 'tanh', run: (k, a, out) => k.tanh(a, out),
    input: [[0, Math.atanh(0.5), -Math.atanh(0.5), 1000, -1000]], expected: [[0, 0.5, -0.5, 1, -1]],
  },
  {
    op: 'relu', run: (k, a, out) => k.relu(a, out),
    input: [[-2, 0, 3, -1e-300]], expected: [[0, 0, 3, 0]],
  },
  {
    op: 'clip', run: (k, a, out) => k.clip(a, -1, 1, out),
    input: [[-5, -1, 0.5, 1, 7]], expected: [[-1, -1, 0.5, 1, 1]],
  },
];

const BINARY_CASES: readonly BinaryCase[] = [
  {
    op: 'add', run: (k, a, b, out) => k.add(a, b, out),
    a: [[1, 2], [3, 4]], b: [[10, 20], [30, 40]], expected: [[11, 22], [33, 44]],
  },
  {
    op: 'sub', run: (k, a, b, out) => k.sub(a, b, out),
    a: [[1, 2], [3, 4]], b: [[10, 20], [30, 40]], expected: [[-9, -18], [-27, -36]],
  },
  {
    op: 'mul', run: (k, a, b, out) => k.mul(a, b, out),
    a: [[1, 2], [3, 4]], b: [[10, 20], [30, 40]], expected: [[10, 40], [90, 160]],
  },
  {
    op: 'addScaled', run: (k, a, b, out) => k.addScaled(a, b, -0.5, out),
    a: [[1, 2], [3, 4]], b: [[10, 20], [30, 40]], expected: [[-4, -8], [-12, -16]],
  },
  {
    op: 'sigmoidBackward', run: (k, g, y, out) => k.sigmoidBackward(g, y, out),
    a: [[2, 3, 4, -4]], b: [[0.5, 0, 1, 0.25]], expected: [[0.5, 0, 0, -0.75]],
  },
  {
    op: 'tanhBackward', run: (k, g, y, out) => k.tanhBackward(g, y, out),
    a: [[2, 2, 3, 4]], b: [[0, 0.5, 1, -1]], expected: [[2, 1.5, 0, 0]],
  },
  {
    // The infinite gradient where y ≤ 0 must give 0: the op selects, it does not multiply.
    op: 'reluBackward', run: (k, g, y, out) => k.reluBackward(g, y, out),
    a: [[5, 5, 5, Infinity]], b: [[-1, 0, 2, -3]], expected: [[0, 0, 5, 0]],
  },
];

const ROW_VECTOR_CASES: readonly BinaryCase[] = [
  {
    op: 'addRowVector', run: (k, a, row, out) => k.addRowVector(a, row, out),
    a: [[1, 2, 3], [4, 5, 6]], b: [[10, 20, 30]], expected: [[11, 22, 33], [14, 25, 36]],
  },
  {
    op: 'mulRowVector', run: (k, a, row, out) => k.mulRowVector(a, row, out),
    a: [[1, 2, 3], [4, 5, 6]], b: [[10, 20, 30]], expected: [[10, 40, 90], [40, 100, 180]],
  },
];

interface ReductionCase {
  readonly op: string;
  readonly run: Unary;
}

const COLUMN_REDUCTIONS: readonly ReductionCase[] = [
  { op: 'sumColumns', run: (k, a, out) => k.sumColumns(a, out) },
  { op: 'meanColumns', run: (k, a, out) => k.meanColumns(a, out) },
  { op: 'varianceColumns', run: (k, a, out) => k.varianceColumns(a, out) },
];

/**
 * Registers the shared backend contract suite: every op of {@link TensorBackend} checked against
 * hand-computed cases and against the mathjs backend as an oracle, on degenerate shapes (1×1,
 * 1×n, n×1) and ragged ones, plus `out` handling, aliasing rules, the exact wording of shape
 * errors, accumulating products, and column views as operands and `out`. Call it at the top level of a test file; `createBackend` runs once, before the tests.
 *
 * @example
 * ```ts
 * // MyBackend.test.ts
 * import { describeBackendContract } from '@synthgrad/tensor/testing';
 * describeBackendContract('my-backend', () => new MyBackend());
 * ```
 */
export function describeBackendContract(name: string, createBackend: () => TensorBackend): void {
  describe(`TensorBackend contract: ${name}`, () => {
    const oracle = new MathjsBackend();
    let backend: TensorBackend;
    beforeAll(() => {
      backend = createBackend();
    });

    it('has a non-empty name', () => {
      expect(typeof backend.name).toBe('string');
      expect(backend.name.length).toBeGreaterThan(0);
    });

    describe('matmul', () => {
      const a = Matrix.fromArray([[1, 2, 3], [4, 5, 6]]);
      const b = Matrix.fromArray([[7, 8], [9, 10], [11, 12]]);
      const aT = Matrix.fromArray([[1, 4], [2, 5], [3, 6]]);
      const bT = Matrix.fromArray([[7, 9, 11], [8, 10, 12]]);
      const product = [[58, 64], [139, 154]];

      it('multiplies A·B, Aᵀ·B, A·Bᵀ and Aᵀ·Bᵀ', () => {
        expectMatrixClose(backend.matmul(a, b), product, 0);
        expectMatrixClose(backend.matmul(aT, b, { transposeA: true }), product, 0);
        expectMatrixClose(backend.matmul(a, bT, { transposeB: true }), product, 0);
        expectMatrixClose(backend.matmul(aT, bT, { transposeA: true, transposeB: true }), product, 0);
        expectMatrixClose(backend.matmul(a, b, { transposeA: false, transposeB: false }), product, 0);
      });

      it('gives inner and outer products of vectors', () => {
        const row = Matrix.fromArray([[1, 2, 3]]);
        const column = Matrix.fromArray([[4], [5], [6]]);
        expectMatrixClose(backend.matmul(row, column), [[32]], 0);
        expectMatrixClose(backend.matmul(row, row, { transposeB: true }), [[14]], 0);
        expectMatrixClose(backend.matmul(column, row), [[4, 8, 12], [5, 10, 15], [6, 12, 18]], 0);
        expectMatrixClose(backend.matmul(Matrix.fromArray([[3]]), Matrix.fromArray([[-2]])), [[-6]], 0);
      });

      it('gives zeros when the inner size is 0', () => {
        expectMatrixClose(backend.matmul(new Matrix(2, 0), new Matrix(0, 3)), new Matrix(2, 3), 0);
      });

      it('matches the mathjs oracle in all four transpose modes (error ≤ 1e-12·Σ|terms|)', () => {
        let seed = 100;
        for (const [m, k, n] of MATMUL_SHAPES) {
          for (const options of TRANSPOSE_MODES) {
            const left = random(options.transposeA ? [k, m] : [m, k], seed++);
            const right = random(options.transposeB ? [n, k] : [k, n], seed++);
            const termMagnitudes = oracle.matmul(abs(left), abs(right), options);
            expectMatrixClose(
              backend.matmul(left, right, options),
              oracle.matmul(left, right, options),
              1e-12,
              termMagnitudes,
            );
          }
        }
      });

      it('writes into out, overwriting what it held, and returns it', () => {
        const out = Matrix.filled(2, 2, NaN);
        expect(backend.matmul(a, b, {}, out)).toBe(out);
        expectMatrixClose(out, product, 0);
        expect(backend.matmul(aT, bT, { transposeA: true, transposeB: true }, out)).toBe(out);
        expectMatrixClose(out, product, 0);
      });

      it('names both shapes, and the transposes, when the inner sizes differ', () => {
        const x = new Matrix(10, 24);
        const w = new Matrix(12, 128);
        expect(() => backend.matmul(x, w)).toThrow(ShapeError);
        expect(() => backend.matmul(x, w)).toThrow('matmul: (10×24)·(12×128): inner sizes 24 ≠ 12');
        expect(() => backend.matmul(x, w, { transposeA: true })).toThrow(
          'matmul: (10×24)ᵀ·(12×128): inner sizes 10 ≠ 12',
        );
        expect(() => backend.matmul(x, w, { transposeB: true })).toThrow(
          'matmul: (10×24)·(12×128)ᵀ: inner sizes 24 ≠ 128',
        );
        expect(() => backend.matmul(x, w, { transposeA: true, transposeB: true })).toThrow(
          'matmul: (10×24)ᵀ·(12×128)ᵀ: inner sizes 10 ≠ 128',
        );
      });

      it('rejects out of the wrong shape, naming both shapes', () => {
        expect(() => backend.matmul(a, b, {}, new Matrix(3, 3))).toThrow(ShapeError);
        expect(() => backend.matmul(a, b, {}, new Matrix(3, 3))).toThrow(
          'matmul: out is (3×3), the result is (2×2)',
        );
      });

      it('rejects an operand, or a view of one, as out', () => {
        const square = Matrix.fromArray([[1, 2], [3, 4]]);
        const other = Matrix.fromArray([[5, 6], [7, 8]]);
        expect(() => backend.matmul(square, other, {}, square)).toThrow(/matmul: out must not share memory/);
        expect(() => backend.matmul(square, other, {}, other)).toThrow(/matmul: out must not share memory/);
        const view = new Matrix(2, 2, other.data.subarray(0, 4));
        expect(() => backend.matmul(square, other, {}, view)).toThrow(/out must not share memory/);
      });
    });

    describe('activations', () => {
      it('keep sigmoid and tanh finite and saturated at ±1000', () => {
        const extremes = Matrix.fromArray([[1000, -1000, 800, -800]]);
        expect(backend.allFinite(backend.sigmoid(extremes))).toBe(true);
        expect(backend.allFinite(backend.tanh(extremes))).toBe(true);
        expectMatrixClose(backend.sigmoid(extremes), [[1, 0, 1, 0]], 0);
      });

      it('give sigmoid(x) + sigmoid(−x) = 1', () => {
        const x = random([3, 5], 600);
        const sum = backend.add(backend.sigmoid(x), backend.sigmoid(backend.scale(x, -1)));
        expectMatrixClose(sum, Matrix.ones(3, 5), 1e-15);
      });

      it('let NaN through relu, so that divergence is still detected', () => {
        expect(backend.allFinite(backend.relu(Matrix.fromArray([[1, NaN]])))).toBe(false);
      });

      it('fuse the backward ops as grad ⊙ derivative', () => {
        const grad = random([4, 6], 601);
        const y = backend.sigmoid(random([4, 6], 602));
        const t = backend.tanh(random([4, 6], 603));
        const r = backend.relu(random([4, 6], 604));
        const sigmoidPrime = oracle.map(y, (v) => v * (1 - v));
        const tanhPrime = oracle.map(t, (v) => 1 - v * v);
        const reluPrime = oracle.map(r, (v) => (v > 0 ? 1 : 0));
        expectMatrixClose(backend.sigmoidBackward(grad, y), oracle.mul(grad, sigmoidPrime), 1e-15);
        expectMatrixClose(backend.tanhBackward(grad, t), oracle.mul(grad, tanhPrime), 1e-15);
        expectMatrixClose(backend.reluBackward(grad, r), oracle.mul(grad, reluPrime), 0);
      });
    });

    describe('column reductions', () => {
      const a = Matrix.fromArray([[1, 2], [3, 5]]);

      it('give column sums, means and population variances', () => {
        expectMatrixClose(backend.sumColumns(a), [[4, 7]], 0);
        expectMatrixClose(backend.meanColumns(a), [[2, 3.5]], 0);
        expectMatrixClose(backend.varianceColumns(a), [[1, 2.25]], 0);
      });

      it('handle a single row and a single column', () => {
        const row = Matrix.fromArray([[1, -2, 3]]);
        expectMatrixClose(backend.sumColumns(row), [[1, -2, 3]], 0);
        expectMatrixClose(backend.meanColumns(row), [[1, -2, 3]], 0);
        expectMatrixClose(backend.varianceColumns(row), [[0, 0, 0]], 0);
        const column = Matrix.fromArray([[1], [2], [6]]);
        expectMatrixClose(backend.sumColumns(column), [[9]], 0);
        expectMatrixClose(backend.meanColumns(column), [[3]], 0);
        expectMatrixClose(backend.varianceColumns(column), [[14 / 3]]);
      });

      it('compute variances without E[x²] − E[x]² cancellation', () => {
        const offset = Matrix.fromArray([[1e8 + 1], [1e8 + 2], [1e8 + 3]]);
        expectMatrixClose(backend.varianceColumns(offset), [[2 / 3]], 1e-9);
      });

      describe.each(COLUMN_REDUCTIONS)('$op', ({ op, run }) => {
        it('writes into out and returns it; rejects a wrong out, naming both shapes', () => {
          const out = Matrix.filled(1, 2, NaN);
          expect(run(backend, a, out)).toBe(out);
          expectMatrixClose(out, run(oracle, a));
          expect(() => run(backend, a, new Matrix(2, 2))).toThrow(ShapeError);
          expect(() => run(backend, a, new Matrix(2, 2))).toThrow(
            `${op}: out is (2×2), the result is (1×2)`,
          );
        });

        it('matches the oracle on edge shapes', () => {
          EDGE_SHAPES.forEach((shape, i) => {
            const x = random(shape, 700 + i);
            expectMatrixClose(run(backend, x), run(oracle, x));
          });
        });
      });
    });

    describe('dot', () => {
      it('gives the hand-computed totals', () => {
        expect(backend.dot(Matrix.fromArray([[1, 2], [3, 5]]), Matrix.fromArray([[2, 0], [1, -1]]))).toBe(0);
        expect(backend.dot(Matrix.fromArray([[1, 2, 3]]), Matrix.fromArray([[4, 5, 6]]))).toBe(32);
      });

      it('matches the oracle on edge shapes', () => {
        EDGE_SHAPES.forEach((shape, i) => {
          const x = random(shape, 800 + i);
          const y = random(shape, 900 + i);
          expect(backend.dot(x, y)).toBeCloseTo(oracle.dot(x, y), 12);
        });
      });

      it('dot names both shapes when they differ', () => {
        expect(() => backend.dot(new Matrix(2, 2), new Matrix(2, 3))).toThrow(ShapeError);
        expect(() => backend.dot(new Matrix(2, 2), new Matrix(2, 3))).toThrow('dot: (2×2), (2×3): shapes differ');
      });
    });

    describe('concatColumns', () => {
      const parts = [
        Matrix.fromArray([[1], [2]]),
        Matrix.fromArray([[3, 4], [5, 6]]),
        Matrix.fromArray([[7], [8]]),
      ];

      it('puts the parts side by side, in order', () => {
        expectMatrixClose(backend.concatColumns(parts), [[1, 3, 4, 7], [2, 5, 6, 8]], 0);
        expectMatrixClose(backend.concatColumns([parts[1]]), [[3, 4], [5, 6]], 0);
        expectMatrixClose(backend.concatColumns([parts[2], parts[2]]), [[7, 7], [8, 8]], 0);
      });

      it('matches the oracle on edge shapes', () => {
        EDGE_SHAPES.forEach(([rows, cols], i) => {
          const pieces = [random([rows, cols], 1000 + i), random([rows, 1], 1100 + i), random([rows, 3], 1200 + i)];
          expectMatrixClose(backend.concatColumns(pieces), oracle.concatColumns(pieces), 0);
        });
      });

      it('writes into out and returns it; rejects a wrong or aliased out', () => {
        const out = Matrix.filled(2, 4, NaN);
        expect(backend.concatColumns(parts, out)).toBe(out);
        expectMatrixClose(out, [[1, 3, 4, 7], [2, 5, 6, 8]], 0);
        expect(() => backend.concatColumns(parts, new Matrix(2, 3))).toThrow(
          'concatColumns: out is (2×3), the result is (2×4)',
        );
        const square = Matrix.fromArray([[1, 2], [3, 4]]);
        expect(() => backend.concatColumns([square], square)).toThrow(/concatColumns: out must not share memory/);
      });

      it('names both shapes when the row counts differ, and rejects no parts', () => {
        const bad = [new Matrix(2, 1), new Matrix(3, 2)];
        expect(() => backend.concatColumns(bad)).toThrow(ShapeError);
        expect(() => backend.concatColumns(bad)).toThrow(
          'concatColumns: (2×1), (3×2): row counts differ (part 0 and part 1)',
        );
        expect(() => backend.concatColumns([])).toThrow(ShapeError);
      });
    });

    describe('gatherRows', () => {
      const a = Matrix.fromArray([[1, 2], [3, 4], [5, 6]]);

      it('takes rows in the given order, repeats included', () => {
        expectMatrixClose(backend.gatherRows(a, [2, 0, 2]), [[5, 6], [1, 2], [5, 6]], 0);
        expectMatrixClose(backend.gatherRows(a, Int32Array.of(1)), [[3, 4]], 0);
        expectMatrixClose(backend.gatherRows(a, [1, 1, 1, 1]), [[3, 4], [3, 4], [3, 4], [3, 4]], 0);
        expect(backend.gatherRows(a, []).shape).toBe('0×2');
      });

      it('matches the oracle on edge shapes', () => {
        EDGE_SHAPES.forEach(([rows, cols], i) => {
          const x = random([rows, cols], 1300 + i);
          const indices = new Rng(1400 + i).permutation(rows);
          const repeated = [...indices, 0, rows - 1, 0];
          expectMatrixClose(backend.gatherRows(x, repeated), oracle.gatherRows(x, repeated), 0);
        });
      });

      it('writes into out and returns it; rejects a wrong or aliased out', () => {
        const out = Matrix.filled(2, 2, NaN);
        expect(backend.gatherRows(a, [2, 0], out)).toBe(out);
        expectMatrixClose(out, [[5, 6], [1, 2]], 0);
        expect(() => backend.gatherRows(a, [2, 0], new Matrix(3, 2))).toThrow(
          'gatherRows: out is (3×2), the result is (2×2)',
        );
        const square = Matrix.fromArray([[1, 2], [3, 4]]);
        expect(() => backend.gatherRows(square, [1, 0], square)).toThrow(/gatherRows: out must not share memory/);
      });

      it('rejects indices that are not rows', () => {
        expect(() => backend.gatherRows(a, [0, 3])).toThrow(RangeError);
        expect(() => backend.gatherRows(a, [0, 3])).toThrow(/gatherRows: index 3 .*\(3×2\)/);
        expect(() => backend.gatherRows(a, [-1])).toThrow(/gatherRows: index -1/);
        expect(() => backend.gatherRows(a, [0.5])).toThrow(/gatherRows: index 0.5/);
      });
    });

    describe('argmaxRows', () => {
      it('gives the index of each row maximum, the first one on ties', () => {
        const a = Matrix.fromArray([[1, 3, 3], [5, 5, 5], [-1, -2, -0.5], [0, 0, 7], [-Infinity, -Infinity, -Infinity]]);
        expect(Array.from(backend.argmaxRows(a))).toEqual([1, 0, 2, 2, 0]);
        expect(backend.argmaxRows(a)).toBeInstanceOf(Int32Array);
      });

      it('handles 1×1, 1×n and n×1', () => {
        expect(Array.from(backend.argmaxRows(Matrix.fromArray([[4]])))).toEqual([0]);
        expect(Array.from(backend.argmaxRows(Matrix.fromArray([[0, 9, 2, 9]])))).toEqual([1]);
        expect(Array.from(backend.argmaxRows(Matrix.fromArray([[3], [-1], [2]])))).toEqual([0, 0, 0]);
      });

      it('matches the oracle on edge shapes', () => {
        EDGE_SHAPES.forEach((shape, i) => {
          const x = random(shape, 1500 + i);
          expect(Array.from(backend.argmaxRows(x))).toEqual(Array.from(oracle.argmaxRows(x)));
        });
      });
    });

    describe('clip', () => {
      it('keeps the bounds themselves and lets NaN through', () => {
        expectMatrixClose(backend.clip(Matrix.fromArray([[-1, 1, NaN]]), -1, 1), [[-1, 1, NaN]], 0);
        expectMatrixClose(backend.clip(Matrix.fromArray([[-3, 3]]), 2, 2), [[2, 2]], 0);
        expectMatrixClose(backend.clip(Matrix.fromArray([[-Infinity, Infinity]]), -5, 5), [[-5, 5]], 0);
      });

      it('rejects min > max', () => {
        expect(() => backend.clip(new Matrix(1, 1), 2, 1)).toThrow(RangeError);
        expect(() => backend.clip(new Matrix(1, 1), 2, 1)).toThrow(/clip: min 2 must not exceed max 1/);
      });
    });

    describe('allFinite', () => {
      it('is true when every element is finite', () => {
        expect(backend.allFinite(Matrix.fromArray([[1, -2], [1e308, -1e-308]]))).toBe(true);
        expect(backend.allFinite(Matrix.fromArray([[0]]))).toBe(true);
      });

      it('is false for NaN, Infinity or −Infinity anywhere', () => {
        for (const bad of [NaN, Infinity, -Infinity]) {
          expect(backend.allFinite(Matrix.fromArray([[bad]]))).toBe(false);
          for (let i = 0; i < 6; i++) {
            const x = Matrix.ones(2, 3);
            x.data[i] = bad;
            expect(backend.allFinite(x)).toBe(false);
          }
        }
      });
    });

    describeMatmulAccumulateContract(() => backend);
    describeColumnViewContract(() => backend);
  });
}

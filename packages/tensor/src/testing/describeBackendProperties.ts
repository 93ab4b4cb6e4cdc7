import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MathjsBackend } from '../backends/mathjs/MathjsBackend.js';
import { Matrix } from '../Matrix.js';
import { Rng } from '../random/Rng.js';
import type { MatmulOptions, TensorBackend } from '../TensorBackend.js';
import { expectMatrixClose } from './expectMatrixClose.js';

/** Options of {@link describeBackendProperties}. */
export interface BackendPropertiesOptions {
  /**
   * The bound on |backend − mathjs|, as a multiple of the scale: Σ|terms| for products and sums,
   * max(1, |mathjs|) for element-wise ops, |mathjs| for `sigmoid` and `tanh`. Default `1e-12`.
   */
  readonly tolerance?: number;
  /**
   * The largest m, k and n drawn (each uniformly from 1) for the products past the cache blocks;
   * pick them past the backend's blocking of m and k. Default `{ m: 70, k: 300, n: 40 }`.
   */
  readonly blockedMatmul?: { readonly m: number; readonly k: number; readonly n: number };
  /**
   * Fixed `[m, k, n]` products also checked in all four transpose modes, on normal values with
   * a fixed seed, for shapes too large to draw often (e.g. n past a packing block). Default none.
   */
  readonly matmulShapes?: ReadonlyArray<readonly [number, number, number]>;
}

// A floor under the scale, far above the subnormal spacing, for terms that underflow.
const TINY = 1e-300;

/** Sizes biased towards 1 (vectors), otherwise up to 37: mostly not multiples of a kernel's tile. */
const dimension = fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 37 }));
const value = fc.double({ min: -1e3, max: 1e3, noNaN: true });

function matrixOf(rows: number, cols: number, values: fc.Arbitrary<number> = value): fc.Arbitrary<Matrix> {
  return fc
    .array(values, { minLength: rows * cols, maxLength: rows * cols })
    .map((v) => new Matrix(rows, cols, Float64Array.from(v)));
}

const anyMatrix = fc.tuple(dimension, dimension).chain(([r, c]) => matrixOf(r, c));
const twoSameShape = fc
  .tuple(dimension, dimension)
  .chain(([r, c]) => fc.tuple(matrixOf(r, c), matrixOf(r, c)));
const transposeMode = fc.record({ transposeA: fc.boolean(), transposeB: fc.boolean() });
const TRANSPOSE_MODES: readonly MatmulOptions[] = [
  {}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true },
];

// The activations' own exp and expm1: over the whole range where the result is a normal number,
// and at tiny arguments where tanh(x) ≈ x.
const activationInput = fc.oneof(
  value,
  fc.double({ min: -745, max: 745, noNaN: true }),
  fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
);

const ELEMENTWISE_BINARY = ['add', 'sub', 'mul', 'sigmoidBackward', 'tanhBackward', 'reluBackward'] as const;
const ELEMENTWISE_UNARY = ['sigmoid', 'tanh', 'relu'] as const;

/**
 * Registers the shared fast-check property suite: every op of {@link TensorBackend} against the
 * mathjs backend as an oracle, on random values and random shapes (biased towards 1×1, 1×n and
 * n×1, otherwise up to 37, so rarely a multiple of a tile size), with errors measured against the
 * magnitude of what was summed: |backend − mathjs| ≤ 1e-12 · Σ|terms| for products and sums (so
 * a result that cancels to near zero is judged by the size of its terms), 1e-12 · max(1, |mathjs|)
 * for element-wise ops, and 1e-12 · |mathjs| (relative, however small) for `sigmoid` and `tanh`.
 * Data movement (`transpose`, `clip`, `concatColumns`, `gatherRows`) must be exact. Needs
 * `fast-check` and `vitest`. Call it at the top level of a test file; `createBackend` runs once,
 * before the tests.
 *
 * @example
 * ```ts
 * // MyBackend.property.test.ts
 * import { describeBackendProperties } from '@synthgrad/tensor/testing';
 * describeBackendProperties('my-backend', () => new MyBackend());
 * ```
 */
export function describeBackendProperties(
  name: string,
  createBackend: () => TensorBackend,
  options: BackendPropertiesOptions = {},
): void {
  const tolerance = options.tolerance ?? 1e-12;
  const blocked = options.blockedMatmul ?? { m: 70, k: 300, n: 40 };
  const matmulShapes = options.matmulShapes ?? [];

  describe(`TensorBackend properties: ${name} matches the mathjs oracle (fast-check)`, () => {
    const oracle = new MathjsBackend();
    let backend: TensorBackend;
    beforeAll(() => {
      backend = createBackend();
    });

    /** Checks op(A)·op(B) against the oracle, scaled by |op(A)|·|op(B)| (the sum of |terms|). */
    function expectProductMatches(a: Matrix, b: Matrix, mode: MatmulOptions): void {
      const scale = plusTiny(oracle.matmul(abs(a), abs(b), mode));
      expectMatrixClose(backend.matmul(a, b, mode), oracle.matmul(a, b, mode), tolerance, scale);
    }

    it('matmul in all four transpose modes', () => {
      const product = fc
        .tuple(dimension, dimension, dimension, transposeMode)
        .chain(([m, k, n, mode]) =>
          fc.tuple(
            matrixOf(mode.transposeA ? k : m, mode.transposeA ? m : k),
            matrixOf(mode.transposeB ? n : k, mode.transposeB ? k : n),
            fc.constant(mode),
          ),
        );
      fc.assert(fc.property(product, ([a, b, mode]) => expectProductMatches(a, b, mode)));
    });

    it(`matmul past the cache blocks (m ≤ ${blocked.m}, k ≤ ${blocked.k}, n ≤ ${blocked.n}) in all four transpose modes`, () => {
      const shape = fc.tuple(
        fc.integer({ min: 1, max: blocked.m }),
        fc.integer({ min: 1, max: blocked.k }),
        fc.integer({ min: 1, max: blocked.n }),
        transposeMode,
        fc.integer(),
      );
      fc.assert(
        fc.property(shape, ([m, k, n, mode, seed]) => expectProductMatches(...randomProduct(m, k, n, mode, seed), mode)),
        { numRuns: 25 },
      );
    });

    if (matmulShapes.length > 0) {
      it.each(matmulShapes.map(([m, k, n]) => [m, k, n] as const))(
        'matmul %i×%i·%i in all four transpose modes',
        (m, k, n) => {
          for (const mode of TRANSPOSE_MODES) {
            expectProductMatches(...randomProduct(m, k, n, mode, 7), mode);
          }
        },
      );
    }

    it('matmul overwrites any previous contents of out', () => {
      const product = fc.tuple(dimension, dimension, dimension).chain(([m, k, n]) =>
        fc.tuple(matrixOf(m, k), matrixOf(k, n), matrixOf(m, n)),
      );
      fc.assert(
        fc.property(product, ([a, b, out]) => {
          const scale = plusTiny(oracle.matmul(abs(a), abs(b)));
          expectMatrixClose(backend.matmul(a, b, {}, out), oracle.matmul(a, b), tolerance, scale);
        }),
      );
    });

    it('matmul with accumulate adds op(A)·op(B) to out, as the oracle\'s product then sum', () => {
      const product = fc
        .tuple(dimension, dimension, dimension, fc.boolean(), fc.boolean())
        .chain(([m, k, n, transposeA, transposeB]) =>
          fc.tuple(
            matrixOf(transposeA ? k : m, transposeA ? m : k),
            matrixOf(transposeB ? n : k, transposeB ? k : n),
            matrixOf(m, n),
            fc.constant({ transposeA, transposeB }),
          ),
        );
      fc.assert(
        fc.property(product, ([a, b, start, options]) => {
          const scale = plusTiny(oracle.add(oracle.matmul(abs(a), abs(b), options), abs(start)));
          const expected = oracle.add(oracle.matmul(a, b, options), start);
          const out = start.clone();
          expectMatrixClose(backend.matmul(a, b, { ...options, accumulate: true }, out), expected, tolerance, scale);
        }),
      );
    });

    it.each(ELEMENTWISE_BINARY)('%s', (op) => {
      fc.assert(
        fc.property(twoSameShape, ([a, b]) => expectMatrixClose(backend[op](a, b), oracle[op](a, b), tolerance)),
      );
    });

    it.each(ELEMENTWISE_UNARY)('%s', (op) => {
      fc.assert(fc.property(anyMatrix, (a) => expectMatrixClose(backend[op](a), oracle[op](a), tolerance)));
    });

    it.each(['sigmoid', 'tanh'] as const)(`%s, to ${tolerance} relative, from tiny arguments to ±745`, (op) => {
      const inputs = fc.tuple(dimension, dimension).chain(([r, c]) => matrixOf(r, c, activationInput));
      fc.assert(
        fc.property(inputs, (a) => {
          const expected = oracle[op](a);
          const scale = new Matrix(a.rows, a.cols, expected.data.map((y) => Math.max(Math.abs(y), 1e-290)));
          expectMatrixClose(backend[op](a), expected, tolerance, scale);
        }),
      );
    });

    it('scale and addScaled', () => {
      fc.assert(
        fc.property(twoSameShape, value, ([a, b], factor) => {
          expectMatrixClose(backend.scale(a, factor), oracle.scale(a, factor), tolerance);
          expectMatrixClose(backend.addScaled(a, b, factor), oracle.addScaled(a, b, factor), tolerance);
        }),
      );
    });

    it('addRowVector and mulRowVector', () => {
      const withRow = fc
        .tuple(dimension, dimension)
        .chain(([r, c]) => fc.tuple(matrixOf(r, c), matrixOf(1, c)));
      fc.assert(
        fc.property(withRow, ([a, row]) => {
          expectMatrixClose(backend.addRowVector(a, row), oracle.addRowVector(a, row), tolerance);
          expectMatrixClose(backend.mulRowVector(a, row), oracle.mulRowVector(a, row), tolerance);
        }),
      );
    });

    it('clip', () => {
      const bounds = fc.tuple(value, value).map(([x, y]) => (x <= y ? [x, y] : [y, x]));
      fc.assert(
        fc.property(anyMatrix, bounds, (a, [lo, hi]) => {
          expectMatrixClose(backend.clip(a, lo, hi), oracle.clip(a, lo, hi), 0);
        }),
      );
    });

    it('column sums, means and variances, scaled by the magnitudes summed', () => {
      fc.assert(
        fc.property(anyMatrix, (a) => {
          const sumScale = plusTiny(oracle.sumColumns(abs(a)));
          expectMatrixClose(backend.sumColumns(a), oracle.sumColumns(a), tolerance, sumScale);
          const meanScale = plusTiny(oracle.meanColumns(abs(a)));
          expectMatrixClose(backend.meanColumns(a), oracle.meanColumns(a), tolerance, meanScale);
          // The rounding of each deviation is relative to |x|, so the scale is the mean of x².
          const varianceScale = plusTiny(oracle.meanColumns(oracle.mul(a, a)));
          expectMatrixClose(backend.varianceColumns(a), oracle.varianceColumns(a), tolerance, varianceScale);
        }),
      );
    });

    it('dot', () => {
      fc.assert(
        fc.property(twoSameShape, ([a, b]) => {
          const dotTerms = Array.from(abs(oracle.mul(a, b)).data).reduce((total, x) => total + x, 0);
          expect(Math.abs(backend.dot(a, b) - oracle.dot(a, b))).toBeLessThanOrEqual(tolerance * (dotTerms + TINY));
        }),
      );
    });

    it('concatColumns', () => {
      const parts = fc
        .tuple(dimension, fc.array(dimension, { minLength: 1, maxLength: 4 }))
        .chain(([rows, widths]) => fc.tuple(...widths.map((w) => matrixOf(rows, w))));
      fc.assert(fc.property(parts, (p) => expectMatrixClose(backend.concatColumns(p), oracle.concatColumns(p), 0)));
    });

    it('gatherRows, with repeated indices', () => {
      const gather = anyMatrix.chain((a) =>
        fc.tuple(fc.constant(a), fc.array(fc.integer({ min: 0, max: a.rows - 1 }), { maxLength: 40 })),
      );
      fc.assert(
        fc.property(gather, ([a, indices]) => {
          expectMatrixClose(backend.gatherRows(a, indices), oracle.gatherRows(a, indices), 0);
        }),
      );
    });

    it('argmaxRows, with frequent ties', () => {
      const fewValues = fc.integer({ min: -2, max: 2 });
      const tied = fc.tuple(dimension, dimension).chain(([r, c]) => matrixOf(r, c, fewValues));
      fc.assert(
        fc.property(tied, (a) => {
          expect(Array.from(backend.argmaxRows(a))).toEqual(Array.from(oracle.argmaxRows(a)));
        }),
      );
    });

    it('allFinite', () => {
      const special = fc.oneof(value, fc.constantFrom(NaN, Infinity, -Infinity));
      const maybeFinite = fc.tuple(dimension, dimension).chain(([r, c]) => matrixOf(r, c, special));
      fc.assert(
        fc.property(maybeFinite, (a) => {
          expect(backend.allFinite(a)).toBe(oracle.allFinite(a));
        }),
      );
    });
  });
}

/** Operands of op(A)·op(B), m×k·k×n, with normal(0, 10) values drawn from `seed`. */
function randomProduct(m: number, k: number, n: number, mode: MatmulOptions, seed: number): [Matrix, Matrix] {
  const rng = new Rng(seed);
  const a = mode.transposeA ? new Matrix(k, m) : new Matrix(m, k);
  const b = mode.transposeB ? new Matrix(n, k) : new Matrix(k, n);
  return [rng.fillNormal(a, 0, 10), rng.fillNormal(b, 0, 10)];
}

function abs(m: Matrix): Matrix {
  return new Matrix(m.rows, m.cols, m.data.map(Math.abs));
}

function plusTiny(m: Matrix): Matrix {
  return new Matrix(m.rows, m.cols, m.data.map((x) => x + TINY));
}

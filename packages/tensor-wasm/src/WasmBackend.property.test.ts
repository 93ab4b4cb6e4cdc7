import { Matrix, MathjsBackend, Rng, type MatmulOptions } from '@synthgrad/tensor';
import { expectMatrixClose } from '@synthgrad/tensor/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WasmBackend } from './WasmBackend.js';

// The wasm backend against the mathjs oracle on random shapes and values. Sums are judged by the
// magnitude of their terms: |wasm − mathjs| ≤ 1e-12 · Σ|terms|; element-wise results by
// 1e-12 · max(1, |mathjs|), and the activations by 1e-12 · |mathjs| (relative, however small).

const wasm = new WasmBackend();
const oracle = new MathjsBackend();
const TOLERANCE = 1e-12;
// A floor under the scale, far above the subnormal spacing, for terms that underflow.
const TINY = 1e-300;

/** Sizes biased towards 1 (vectors) and otherwise not multiples of the kernel's 4 × 4 tile. */
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

function abs(m: Matrix): Matrix {
  return new Matrix(m.rows, m.cols, m.data.map(Math.abs));
}

function plusTiny(m: Matrix): Matrix {
  return new Matrix(m.rows, m.cols, m.data.map((x) => x + TINY));
}

/** Checks op(A)·op(B) against the oracle, scaled by |op(A)|·|op(B)| (the sum of |terms|). */
function expectProductMatches(a: Matrix, b: Matrix, options: MatmulOptions): void {
  const scale = plusTiny(oracle.matmul(abs(a), abs(b), options));
  expectMatrixClose(wasm.matmul(a, b, options), oracle.matmul(a, b, options), TOLERANCE, scale);
}

function randomProduct(m: number, k: number, n: number, options: MatmulOptions, seed: number): [Matrix, Matrix] {
  const rng = new Rng(seed);
  const a = options.transposeA ? new Matrix(k, m) : new Matrix(m, k);
  const b = options.transposeB ? new Matrix(n, k) : new Matrix(k, n);
  return [rng.fillNormal(a, 0, 10), rng.fillNormal(b, 0, 10)];
}

describe('WasmBackend matches the mathjs oracle (fast-check)', () => {
  it('matmul in all four transpose modes', () => {
    const product = fc
      .tuple(dimension, dimension, dimension, transposeMode)
      .chain(([m, k, n, options]) =>
        fc.tuple(
          matrixOf(options.transposeA ? k : m, options.transposeA ? m : k),
          matrixOf(options.transposeB ? n : k, options.transposeB ? k : n),
          fc.constant(options),
        ),
      );
    fc.assert(fc.property(product, ([a, b, options]) => expectProductMatches(a, b, options)));
  });

  it('matmul past the cache blocks (k > 256, m > 128) in all four transpose modes', () => {
    const shape = fc.tuple(
      fc.integer({ min: 1, max: 140 }),
      fc.integer({ min: 1, max: 300 }),
      fc.integer({ min: 1, max: 40 }),
      transposeMode,
      fc.integer(),
    );
    fc.assert(
      fc.property(shape, ([m, k, n, options, seed]) => expectProductMatches(...randomProduct(m, k, n, options, seed), options)),
      { numRuns: 25 },
    );
  });

  it('matmul with wide results (n past the packed-B block of 2048 columns)', () => {
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        const options = { transposeA, transposeB };
        expectProductMatches(...randomProduct(5, 30, 2053, options, 7), options);
      }
    }
  });

  it('matmul overwrites any previous contents of out', () => {
    const product = fc.tuple(dimension, dimension, dimension).chain(([m, k, n]) =>
      fc.tuple(matrixOf(m, k), matrixOf(k, n), matrixOf(m, n)),
    );
    fc.assert(
      fc.property(product, ([a, b, out]) => {
        const scale = plusTiny(oracle.matmul(abs(a), abs(b)));
        expectMatrixClose(wasm.matmul(a, b, {}, out), oracle.matmul(a, b), TOLERANCE, scale);
      }),
    );
  });

  it('transpose', () => {
    fc.assert(fc.property(anyMatrix, (a) => expectMatrixClose(wasm.transpose(a), oracle.transpose(a), 0)));
  });

  const elementwiseBinary = ['add', 'sub', 'mul', 'sigmoidBackward', 'tanhBackward', 'reluBackward'] as const;
  it.each(elementwiseBinary)('%s', (op) => {
    fc.assert(
      fc.property(twoSameShape, ([a, b]) => expectMatrixClose(wasm[op](a, b), oracle[op](a, b), TOLERANCE)),
    );
  });

  const elementwiseUnary = ['sigmoidDerivative', 'tanhDerivative', 'relu', 'reluDerivative'] as const;
  it.each(elementwiseUnary)('%s', (op) => {
    fc.assert(fc.property(anyMatrix, (a) => expectMatrixClose(wasm[op](a), oracle[op](a), TOLERANCE)));
  });

  // The activations' own exp and expm1: relative error, over the whole range where the result is
  // a normal number, and at tiny arguments where tanh(x) ≈ x.
  const activationInput = fc.oneof(
    value,
    fc.double({ min: -745, max: 745, noNaN: true }),
    fc.double({ min: -1e-6, max: 1e-6, noNaN: true }),
  );
  it.each(['sigmoid', 'tanh'] as const)('%s, to 1e-12 relative', (op) => {
    const inputs = fc.tuple(dimension, dimension).chain(([r, c]) => matrixOf(r, c, activationInput));
    fc.assert(
      fc.property(inputs, (a) => {
        const expected = oracle[op](a);
        const scale = new Matrix(a.rows, a.cols, expected.data.map((y) => Math.max(Math.abs(y), 1e-290)));
        expectMatrixClose(wasm[op](a), expected, TOLERANCE, scale);
      }),
    );
  });

  it('scale and addScaled', () => {
    fc.assert(
      fc.property(twoSameShape, value, ([a, b], factor) => {
        expectMatrixClose(wasm.scale(a, factor), oracle.scale(a, factor), TOLERANCE);
        expectMatrixClose(wasm.addScaled(a, b, factor), oracle.addScaled(a, b, factor), TOLERANCE);
      }),
    );
  });

  it('addRowVector and mulRowVector', () => {
    const withRow = fc
      .tuple(dimension, dimension)
      .chain(([r, c]) => fc.tuple(matrixOf(r, c), matrixOf(1, c)));
    fc.assert(
      fc.property(withRow, ([a, row]) => {
        expectMatrixClose(wasm.addRowVector(a, row), oracle.addRowVector(a, row), TOLERANCE);
        expectMatrixClose(wasm.mulRowVector(a, row), oracle.mulRowVector(a, row), TOLERANCE);
      }),
    );
  });

  it('clip', () => {
    const bounds = fc.tuple(value, value).map(([x, y]) => (x <= y ? [x, y] : [y, x]));
    fc.assert(
      fc.property(anyMatrix, bounds, (a, [lo, hi]) => {
        expectMatrixClose(wasm.clip(a, lo, hi), oracle.clip(a, lo, hi), 0);
      }),
    );
  });

  it('column sums, means and variances, scaled by the magnitudes summed', () => {
    fc.assert(
      fc.property(anyMatrix, (a) => {
        const sumScale = plusTiny(oracle.sumColumns(abs(a)));
        expectMatrixClose(wasm.sumColumns(a), oracle.sumColumns(a), TOLERANCE, sumScale);
        const meanScale = plusTiny(oracle.meanColumns(abs(a)));
        expectMatrixClose(wasm.meanColumns(a), oracle.meanColumns(a), TOLERANCE, meanScale);
        // The rounding of each deviation is relative to |x|, so the scale is the mean of x².
        const varianceScale = plusTiny(oracle.meanColumns(oracle.mul(a, a)));
        expectMatrixClose(wasm.varianceColumns(a), oracle.varianceColumns(a), TOLERANCE, varianceScale);
      }),
    );
  });

  it('sum and dot', () => {
    fc.assert(
      fc.property(twoSameShape, ([a, b]) => {
        expect(Math.abs(wasm.sum(a) - oracle.sum(a))).toBeLessThanOrEqual(TOLERANCE * (oracle.sum(abs(a)) + TINY));
        const terms = oracle.sum(abs(oracle.mul(a, b)));
        expect(Math.abs(wasm.dot(a, b) - oracle.dot(a, b))).toBeLessThanOrEqual(TOLERANCE * (terms + TINY));
      }),
    );
  });

  it('concatColumns', () => {
    const parts = fc
      .tuple(dimension, fc.array(dimension, { minLength: 1, maxLength: 4 }))
      .chain(([rows, widths]) => fc.tuple(...widths.map((w) => matrixOf(rows, w))));
    fc.assert(fc.property(parts, (p) => expectMatrixClose(wasm.concatColumns(p), oracle.concatColumns(p), 0)));
  });

  it('gatherRows, with repeated indices', () => {
    const gather = anyMatrix.chain((a) =>
      fc.tuple(fc.constant(a), fc.array(fc.integer({ min: 0, max: a.rows - 1 }), { maxLength: 40 })),
    );
    fc.assert(
      fc.property(gather, ([a, indices]) => {
        expectMatrixClose(wasm.gatherRows(a, indices), oracle.gatherRows(a, indices), 0);
      }),
    );
  });

  it('argmaxRows, with frequent ties', () => {
    const fewValues = fc.integer({ min: -2, max: 2 });
    const tied = fc.tuple(dimension, dimension).chain(([r, c]) => matrixOf(r, c, fewValues));
    fc.assert(
      fc.property(tied, (a) => {
        expect(Array.from(wasm.argmaxRows(a))).toEqual(Array.from(oracle.argmaxRows(a)));
      }),
    );
  });

  it('allFinite', () => {
    const special = fc.oneof(value, fc.constantFrom(NaN, Infinity, -Infinity));
    const maybeFinite = fc.tuple(dimension, dimension).chain(([r, c]) => matrixOf(r, c, special));
    fc.assert(
      fc.property(maybeFinite, (a) => {
        expect(wasm.allFinite(a)).toBe(oracle.allFinite(a));
      }),
    );
  });
});

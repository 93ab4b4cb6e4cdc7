import { MathjsBackend, Matrix, Rng, type MatmulOptions, type TensorBackend } from '@synthgrad/tensor';
import { expectMatrixClose } from '@synthgrad/tensor/testing';
import { describe, expect, it } from 'vitest';
import { WasmBackend } from './WasmBackend.js';

// dtype 'float32' against two float64 references on the same float32 inputs (widened exactly):
// the mathjs oracle and the float64 wasm path. With u = 2⁻²⁴ (a float32 rounding), an op made
// of j roundings of values bounded by s is within j·u·s of the exact value, up to O(u²); the
// float64 references add 2⁻⁵³·s each, far below that. Each op's s and j come from its formula:
// add a+b: |a|+|b|, one rounding; addScaled a+f·b: the factor, the product and the sum rounded;
// sigmoid and tanh run a float32 exp (expm1): the reduction's and polynomial's roundings (about
// 2, relative to the exponential), then 1 + e and the division (sigmoid: 4, 2.7 seen), or
// m + 2 and the division, with m = e^{2|x|} − 1 itself rounded near 0 (tanh: 5, 3.6 seen);
// products over k terms accumulate in
// float32: (k+2)·u·Σ|terms|; sums accumulate in float64 and round once (column sums) or not at
// all (sum and dot return float64): 2·u·Σ|terms| and 2·n·2⁻⁵³·Σ|terms|.
const U = 2 ** -24;
const f32 = new WasmBackend({ dtype: 'float32' });
const f64 = new WasmBackend();
const oracle = new MathjsBackend();
const SHAPES = [[1, 1], [1, 7], [3, 5], [5, 9], [13, 6], [64, 33]] as const;
const MODES: readonly MatmulOptions[] = [
  {}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true },
];

function float32Normal(rng: Rng, rows: number, cols: number, mean = 0, std = 1): Matrix {
  return rng.fillNormal(Matrix.zeros(rows, cols, 'float32'), mean, std);
}

function wide(m: Matrix): Matrix {
  return m.astype('float64');
}

function map(m: Matrix, fn: (x: number, i: number) => number): Matrix {
  return new Matrix(m.rows, m.cols, Float64Array.from(m.data, fn));
}

function abs(m: Matrix): Matrix {
  return map(m, Math.abs);
}

function expectFloat32(m: Matrix): void {
  expect(m.dtype).toBe('float32');
  expect(m.data).toBeInstanceOf(Float32Array);
}

/** Checks `actual` against both float64 references, within `roundings`·u·`scale`. */
function expectWithin(actual: Matrix, reference: (backend: TensorBackend) => Matrix, roundings: number, scale: Matrix): void {
  expectMatrixClose(actual, reference(oracle), roundings * U, scale);
  expectMatrixClose(actual, reference(f64), roundings * U, scale);
}

interface ElementwiseCase {
  readonly run: (k: TensorBackend, a: Matrix, b: Matrix, row: Matrix) => Matrix;
  /** The roundings j and the magnitudes s of the bound j·u·s. */
  readonly roundings: number;
  readonly scale: (a: Matrix, b: Matrix, row: Matrix) => Matrix;
}

// b holds values in (0, 1), as an activation's output y (and a second operand) would.
const ELEMENTWISE: Readonly<Record<string, ElementwiseCase>> = {
  add: { run: (k, a, b) => k.add(a, b), roundings: 1, scale: (a, b) => oracle.add(abs(a), abs(b)) },
  sub: { run: (k, a, b) => k.sub(a, b), roundings: 1, scale: (a, b) => oracle.add(abs(a), abs(b)) },
  mul: { run: (k, a, b) => k.mul(a, b), roundings: 1, scale: (a, b) => abs(oracle.mul(a, b)) },
  scale: { run: (k, a) => k.scale(a, -0.37), roundings: 2, scale: (a) => abs(oracle.scale(a, 0.37)) },
  addScaled: {
    run: (k, a, b) => k.addScaled(a, b, -0.1),
    roundings: 3,
    scale: (a, b) => oracle.add(abs(a), abs(oracle.scale(b, 0.1))),
  },
  addRowVector: { run: (k, a, _b, row) => k.addRowVector(a, row), roundings: 1, scale: (a, _b, row) => oracle.addRowVector(abs(a), abs(row)) },
  mulRowVector: { run: (k, a, _b, row) => k.mulRowVector(a, row), roundings: 1, scale: (a, _b, row) => abs(oracle.mulRowVector(a, row)) },
  sigmoid: { run: (k, a) => k.sigmoid(a), roundings: 4, scale: (a) => oracle.sigmoid(a) },
  tanh: { run: (k, a) => k.tanh(a), roundings: 5, scale: (a) => abs(oracle.tanh(a)) },
  sigmoidBackward: { run: (k, a, b) => k.sigmoidBackward(a, b), roundings: 3, scale: (a, b) => abs(oracle.sigmoidBackward(a, b)) },
  tanhBackward: { run: (k, a, b) => k.tanhBackward(a, b), roundings: 3, scale: (a, b) => map(a, (g, i) => Math.abs(g) * (1 + b.data[i] ** 2)) },
  // Selections and comparisons: exact.
  relu: { run: (k, a) => k.relu(a), roundings: 0, scale: (a) => abs(a) },
  reluBackward: { run: (k, a, b) => k.reluBackward(b, a), roundings: 0, scale: (a) => abs(a) },
  clip: { run: (k, a) => k.clip(a, -0.5, 0.75), roundings: 0, scale: (a) => abs(a) },
};

describe("WasmBackend, dtype 'float32'", () => {
  it('says so, and makes float32 matrices', () => {
    expect(f32.dtype).toBe('float32');
    expect(f64.dtype).toBe('float64');
    expectFloat32(f32.zeros(2, 3));
    expectFloat32(f32.add(f32.zeros(2, 3), f32.zeros(2, 3)));
  });

  it.each(SHAPES)('runs every element-wise and row-vector op within its float32 bound (%i×%i)', (rows, cols) => {
    const rng = new Rng(rows * 101 + cols);
    const a = float32Normal(rng, rows, cols, 0, 2);
    const b = rng.fillUniform(Matrix.zeros(rows, cols, 'float32'), 0.01, 0.99);
    const row = float32Normal(rng, 1, cols, 0, 2);
    for (const [name, { run, roundings, scale }] of Object.entries(ELEMENTWISE)) {
      const result = run(f32, a, b, row);
      expectFloat32(result);
      expect(result.shape, name).toBe(a.shape);
      expectWithin(result, (k) => run(k, wide(a), wide(b), wide(row)), roundings, scale(wide(a), wide(b), wide(row)));
    }
  });

  it('keeps sigmoid and tanh within their bounds over the whole float32 range', () => {
    const values = [
      -Infinity, -1000, -105, -104, -103.5, -100, -89, -88, -87, -30, -10, -1, -1e-3, -1e-30, -0, 0,
      1e-30, 1e-6, 0.5, 3, 9, 17, 20, 88, 89, 1000, Infinity,
    ];
    const a = new Matrix(1, values.length, Float32Array.from(values));
    for (const [op, roundings] of [['sigmoid', 4], ['tanh', 5]] as const) {
      const exact = oracle[op](wide(a));
      // Below 2⁻¹²⁶ float32 is subnormal: its spacing 2⁻¹⁴⁹ bounds the rounding, half of it u·2⁻¹²⁶.
      expectMatrixClose(f32[op](a), exact, roundings * U, map(exact, (y) => Math.max(Math.abs(y), 2 ** -126)));
    }
  });

  it.each(SHAPES)('runs the column reductions within one rounding of float64 sums (%i×%i)', (rows, cols) => {
    const rng = new Rng(rows + 7 * cols);
    const a = float32Normal(rng, rows, cols, 1, 3);
    const w = wide(a);
    for (const op of ['sumColumns', 'meanColumns', 'varianceColumns'] as const) {
      const result = f32[op](a);
      expectFloat32(result);
      // Variance: the deviations' roundings are relative to |x|, so s is the mean of x².
      const scale =
        op === 'sumColumns' ? oracle.sumColumns(abs(w)) : op === 'meanColumns' ? oracle.meanColumns(abs(w)) : oracle.meanColumns(oracle.mul(w, w));
      expectWithin(result, (k) => k[op](w), 2, scale);
    }
  });

  it.each(SHAPES)('dots in float64 (%i×%i)', (rows, cols) => {
    const rng = new Rng(rows * cols + 5);
    const a = float32Normal(rng, rows, cols, 1, 3);
    const b = float32Normal(rng, rows, cols);
    const n = a.size;
    const dotTerms = Array.from(abs(oracle.mul(wide(a), wide(b))).data).reduce((total, x) => total + x, 0);
    for (const reference of [oracle, f64]) {
      expect(Math.abs(f32.dot(a, b) - reference.dot(wide(a), wide(b)))).toBeLessThanOrEqual(2 * n * 2 ** -53 * dotTerms);
    }
  });

  it.each([[1, 1, 1], [5, 9, 7], [10, 24, 128], [70, 300, 9], [130, 257, 40], [3, 5, 2053]])(
    'matmul %i×%i·%i is within (k+2)·u·Σ|terms| in all transpose modes',
    (m, k, n) => {
      const rng = new Rng(m + 31 * n + k);
      for (const options of MODES) {
        const a = float32Normal(rng, options.transposeA ? k : m, options.transposeA ? m : k);
        const b = float32Normal(rng, options.transposeB ? n : k, options.transposeB ? k : n);
        const result = f32.matmul(a, b, options);
        expectFloat32(result);
        const scale = oracle.matmul(abs(wide(a)), abs(wide(b)), options);
        expectWithin(result, (be) => be.matmul(wide(a), wide(b), options), k + 2, scale);
      }
    },
  );

  it.each([[1, 1, 1], [5, 9, 7], [10, 24, 128], [70, 300, 9], [3, 5, 2053]])(
    'matmul %i×%i·%i accumulates into out within (k+3)·u·Σ|terms| of product then sum, copied or resident',
    (m, k, n) => {
      const rng = new Rng(m + 17 * n + 3 * k);
      const resident = new WasmBackend({ dtype: 'float32', resident: true });
      for (const options of MODES) {
        const a = float32Normal(rng, options.transposeA ? k : m, options.transposeA ? m : k);
        const b = float32Normal(rng, options.transposeB ? n : k, options.transposeB ? k : n);
        const start = float32Normal(rng, m, n);
        const scale = oracle.add(oracle.matmul(abs(wide(a)), abs(wide(b)), options), abs(wide(start)));
        const expected = (be: TensorBackend) => be.add(be.matmul(wide(a), wide(b), options), wide(start));
        const out = start.clone();
        expect(f32.matmul(a, b, { ...options, accumulate: true }, out)).toBe(out);
        expectFloat32(out);
        expectWithin(out, expected, k + 3, scale);
        const held = resident.zeros(m, n).copyFrom(start);
        resident.matmul(resident.zeros(a.rows, a.cols).copyFrom(a), resident.zeros(b.rows, b.cols).copyFrom(b), { ...options, accumulate: true }, held);
        expect(Array.from(held.data)).toEqual(Array.from(out.data));
      }
    },
  );

  it('tells non-finite values from finite ones', () => {
    const rng = new Rng(9);
    for (const size of [1, 3, 4, 17]) {
      const a = float32Normal(rng, 1, size, 0, 1e30);
      expect(f32.allFinite(a)).toBe(true);
      for (const bad of [Number.NaN, Infinity, -Infinity, 1e39]) {
        const b = a.clone();
        b.data[size - 1] = bad;
        expect(f32.allFinite(b), `${bad} at ${size - 1}`).toBe(false);
      }
    }
    // A float64 operand is judged by its own values: 1e39 is finite, though not in float32.
    expect(f32.allFinite(Matrix.fromArray([[1e39, 2]]))).toBe(true);
    expect(f32.allFinite(Matrix.fromArray([[1, Number.NaN]]))).toBe(false);
  });

  it('runs the data-moving ops exactly, with float32 results', () => {
    const a = new Matrix(2, 3, Float32Array.from([1.5, -2, 0.1, 4, 5, -6]));
    const b = new Matrix(2, 1, Float32Array.from([7, 8]));
    for (const result of [f32.map(a, (x) => 2 * x), f32.concatColumns([a, b]), f32.gatherRows(a, [1, 0, 1])]) {
      expectFloat32(result);
    }
    expect(f32.concatColumns([a, b]).toArray()).toEqual(oracle.concatColumns([wide(a), wide(b)]).toArray());
    expect(f32.gatherRows(a, [1, 0, 1]).toArray()).toEqual(oracle.gatherRows(wide(a), [1, 0, 1]).toArray());
    expect(Array.from(f32.argmaxRows(a))).toEqual([0, 1]);
  });

  it('rounds to float32 visibly: 0.1 + 0.2 is Math.fround of it, not the float64 sum', () => {
    const x = Matrix.fromArray([[0.1, 1 / 3]]);
    const y = Matrix.fromArray([[0.2, 1 / 3]]);
    const sum = f32.add(x, y);
    expectFloat32(sum);
    expect(Array.from(sum.data)).toEqual([Math.fround(Math.fround(0.1) + Math.fround(0.2)), Math.fround(2 / 3)]);
    expect(sum.get(0, 0)).not.toBe(0.1 + 0.2);
    expect(f64.add(x, y).get(0, 0)).toBe(0.1 + 0.2);
  });
});

describe('WasmBackend, mixed dtypes', () => {
  const rng = new Rng(21);
  const a32 = float32Normal(rng, 9, 7);
  const b32 = float32Normal(rng, 7, 5);
  const a64 = rng.fillNormal(new Matrix(9, 7), 0, 1);
  const row64 = rng.fillNormal(new Matrix(1, 7), 0, 1);

  it('a float32 backend rounds float64 operands on the way in', () => {
    const result = f32.add(a64, a32);
    expectFloat32(result);
    expect(Array.from(result.data)).toEqual(Array.from(f32.add(a64.astype('float32'), a32).data));
    expectMatrixClose(result, oracle.add(a64, wide(a32)), 2 * U, oracle.add(abs(a64), abs(wide(a32))));
    expectMatrixClose(f32.addRowVector(a32, row64), oracle.addRowVector(wide(a32), row64), 2 * U, oracle.addRowVector(abs(wide(a32)), abs(row64)));
  });

  it('a float32 backend writes a float64 out with the float32 results, widened', () => {
    const out = new Matrix(9, 5);
    expect(f32.matmul(a32, b32, undefined, out)).toBe(out);
    expect(out.dtype).toBe('float64');
    expect(Array.from(out.data)).toEqual(Array.from(f32.matmul(a32, b32).data));
    const sums = new Matrix(1, 7);
    f32.sumColumns(a32, sums);
    expect(Array.from(sums.data)).toEqual(Array.from(f32.sumColumns(a32).data));
    const third = new Matrix(1, 1);
    f32.scale(Matrix.fromArray([[1]]), 1 / 3, third);
    expect(third.get(0, 0)).toBe(Math.fround(1 / 3));
  });

  it('a float64 backend takes float32 operands (widened exactly) and float32 outs (rounded)', () => {
    const product = f64.matmul(a32, b32);
    expect(product.dtype).toBe('float64');
    expectMatrixClose(product, oracle.matmul(wide(a32), wide(b32)), 1e-12, oracle.matmul(abs(wide(a32)), abs(wide(b32))));
    const out = Matrix.zeros(9, 7, 'float32');
    f64.addRowVector(a32, row64, out);
    expect(Array.from(out.data)).toEqual(Array.from(oracle.addRowVector(wide(a32), row64).data, Math.fround));
    expect(f64.dot(a32, a32)).toBeCloseTo(oracle.dot(wide(a32), wide(a32)), 12);
  });

  it("the mixed mode (precision 'float32') keeps float64 matrices and accepts float32 operands", () => {
    const mixed = new WasmBackend({ precision: 'float32' });
    expect(mixed.dtype).toBe('float64');
    const product = mixed.matmul(a32, b32);
    expect(product.dtype).toBe('float64');
    expect(Array.from(product.data)).toEqual(Array.from(f32.matmul(a32, b32).data));
  });

  it('rejects an unknown dtype, and float64 products on a float32 backend', () => {
    expect(() => new WasmBackend({ dtype: 'float16' as 'float32' })).toThrow(
      "WasmBackend: dtype must be 'float64' or 'float32', got float16",
    );
    expect(() => new WasmBackend({ dtype: 'float32', precision: 'float64' })).toThrow(/precision 'float64' needs dtype 'float64'/);
  });
});

describe("WasmBackend, dtype 'float32', resident", () => {
  const resident = new WasmBackend({ dtype: 'float32', resident: true });

  it('makes resident float32 matrices: 4 bytes a value in its memory', () => {
    const m = resident.zeros(3, 5);
    expect(resident.holds(m)).toBe(true);
    expectFloat32(m);
    expect(m.data.buffer).toBeInstanceOf(SharedArrayBuffer);
    const next = resident.zeros(3, 5);
    // Blocks are 64-byte aligned: 15 float32 values and the tail padding take 128 bytes.
    expect(Math.abs(next.data.byteOffset - m.data.byteOffset)).toBe(128);
  });

  it('keeps its values, and its views valid, when the memory grows', () => {
    const backend = new WasmBackend({ dtype: 'float32', resident: true });
    const m = backend.zeros(4, 4);
    m.data.set(Array.from({ length: 16 }, (_, i) => i + 0.1));
    const before = backend.memoryBytes;
    const big = backend.zeros(2000, 2000);
    expect(backend.memoryBytes).toBeGreaterThan(before);
    expectFloat32(big);
    expect(Array.from(m.data)).toEqual(Array.from({ length: 16 }, (_, i) => Math.fround(i + 0.1)));
    backend.scale(m, 2, m);
    expect(m.get(3, 3)).toBe(Math.fround(2 * Math.fround(15.1)));
    big.set(1999, 1999, 3);
    expect(backend.dot(big, big)).toBe(9);
    const after = backend.zeros(300, 300);
    backend.addScaled(m, m, 1, m);
    expect(m.get(0, 1)).toBe(Math.fround(4 * Math.fround(1.1)));
    expect(backend.holds(after)).toBe(true);
  });

  it('gives the copying float32 path the same bits, in place or not', () => {
    const rng = new Rng(4);
    const a = float32Normal(rng, 13, 6);
    const b = float32Normal(rng, 13, 6);
    const row = float32Normal(rng, 1, 6);
    const ra = resident.zeros(13, 6).copyFrom(a);
    const rb = resident.zeros(13, 6).copyFrom(b);
    const rr = resident.zeros(1, 6).copyFrom(row);
    for (const [name, { run }] of Object.entries(ELEMENTWISE)) {
      expect(Array.from(run(resident, ra, rb, rr).data), name).toEqual(Array.from(run(f32, a, b, row).data));
    }
    expect(Array.from(resident.varianceColumns(ra, resident.zeros(1, 6)).data)).toEqual(Array.from(f32.varianceColumns(a).data));
    expect(Array.from(resident.matmul(ra, rb, { transposeA: true }).data)).toEqual(Array.from(f32.matmul(a, b, { transposeA: true }).data));
    resident.relu(ra, ra);
    expect(Array.from(ra.data)).toEqual(Array.from(f32.relu(a).data));
  });

  it('trains like float64: three steps of a small ReLU network stay within float32 error', () => {
    // matmul → addRowVector → relu → output delta → backward → addScaled, three times. Each step's
    // values carry about (k+2)·u relative error (k ≤ 24 terms): after three steps, ~3·26·u ≈ 5e-6
    // of the weights' magnitude; the bound is 2e-5 of it.
    const run = (backend: WasmBackend): Matrix[] => {
      const rng = new Rng(17);
      const zeros = (r: number, c: number): Matrix => backend.zeros(r, c);
      const x = rng.fillUniform(zeros(16, 24), 0, 1);
      const y = rng.fillUniform(zeros(16, 8), 0, 1);
      const w1 = rng.fillNormal(zeros(24, 20), 0, 0.3);
      const b1 = rng.fillNormal(zeros(1, 20), 0, 0.1);
      const w2 = rng.fillNormal(zeros(20, 8), 0, 0.3);
      const h = zeros(16, 20);
      const out = zeros(16, 8);
      const delta = zeros(16, 8);
      const back = zeros(16, 20);
      const g1 = zeros(24, 20);
      const g2 = zeros(20, 8);
      const gb = zeros(1, 20);
      for (let step = 0; step < 3; step++) {
        backend.relu(backend.addRowVector(backend.matmul(x, w1, undefined, h), b1, h), h);
        backend.matmul(h, w2, undefined, out);
        backend.sub(out, y, delta);
        backend.matmul(delta, w2, { transposeB: true }, back);
        backend.reluBackward(back, h, back);
        backend.matmul(h, delta, { transposeA: true }, g2);
        backend.matmul(x, back, { transposeA: true }, g1);
        backend.sumColumns(back, gb);
        backend.addScaled(w2, g2, -0.05, w2);
        backend.addScaled(w1, g1, -0.05, w1);
        backend.addScaled(b1, gb, -0.05, b1);
      }
      return [w1, b1, w2, out];
    };
    const float32 = run(new WasmBackend({ dtype: 'float32', resident: true }));
    const float64 = run(new WasmBackend({ resident: true }));
    for (const m of float32) expectFloat32(m);
    float32.forEach((m, i) => {
      const magnitude = Math.max(...float64[i].data.map(Math.abs));
      const worst = Math.max(...m.data.map((v, j) => Math.abs(v - float64[i].data[j])));
      expect(worst).toBeLessThanOrEqual(2e-5 * magnitude);
    });
  });
});

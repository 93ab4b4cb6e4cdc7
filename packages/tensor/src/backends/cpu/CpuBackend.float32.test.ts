import { describe, expect, it } from 'vitest';
import { Matrix } from '../../Matrix.js';
import { Rng } from '../../random/Rng.js';
import { MathjsBackend } from '../mathjs/MathjsBackend.js';
import { CpuBackend } from './CpuBackend.js';

// `dtype: 'float32'` computes each op in float64 and rounds the result on store: so every result
// equals the float64 backend's result rounded to float32 (products of any inner size: their sums
// accumulate in float64 scratch), and is within 2⁻²⁴ relative of the mathjs oracle.
const single = new CpuBackend({ dtype: 'float32' });
const double = new CpuBackend();
const oracle = new MathjsBackend();

function random(rng: Rng, rows: number, cols: number): Matrix {
  return rng.fillNormal(new Matrix(rows, cols), 0, 2);
}

function rounded(m: Matrix): number[] {
  return Array.from(Float32Array.from(m.data));
}

describe("CpuBackend, dtype 'float32'", () => {
  const rng = new Rng(5);
  const a = random(rng, 7, 9);
  const b = random(rng, 7, 9);
  const y = double.sigmoid(random(rng, 7, 9));
  const row = random(rng, 1, 9);

  const ops: Record<string, (backend: CpuBackend) => Matrix> = {
    matmul: (k) => k.matmul(a, b, { transposeB: true }),
    add: (k) => k.add(a, b),
    sub: (k) => k.sub(a, b),
    mul: (k) => k.mul(a, b),
    scale: (k) => k.scale(a, 0.3),
    addScaled: (k) => k.addScaled(a, b, -0.7),
    addRowVector: (k) => k.addRowVector(a, row),
    mulRowVector: (k) => k.mulRowVector(a, row),
    map: (k) => k.map(a, Math.cos),
    sigmoid: (k) => k.sigmoid(a),
    sigmoidBackward: (k) => k.sigmoidBackward(a, y),
    tanh: (k) => k.tanh(a),
    tanhBackward: (k) => k.tanhBackward(a, y),
    relu: (k) => k.relu(a),
    reluBackward: (k) => k.reluBackward(b, a),
    sumColumns: (k) => k.sumColumns(a),
    meanColumns: (k) => k.meanColumns(a),
    varianceColumns: (k) => k.varianceColumns(a),
    concatColumns: (k) => k.concatColumns([a, b]),
    gatherRows: (k) => k.gatherRows(a, [3, 0, 3]),
    clip: (k) => k.clip(a, -1, 0.5),
  };

  it.each(Object.keys(ops))('%s gives a float32 matrix: the float64 result rounded', (op) => {
    const result = ops[op](single);
    expect(result.dtype).toBe('float32');
    expect(result.data).toBeInstanceOf(Float32Array);
    expect(Array.from(result.data)).toEqual(rounded(ops[op](double)));
  });

  it('rounding is visible: a float32 result differs from the float64 one', () => {
    const exact = double.matmul(a, b, { transposeB: true });
    const result = single.matmul(a, b, { transposeB: true });
    expect(result.data.some((x, i) => x !== exact.data[i])).toBe(true);
  });

  it('a long product (inner size 784, past one cache block) is the float64 one rounded once', () => {
    const left = random(rng, 9, 784);
    const right = random(rng, 784, 6);
    const out = Matrix.zeros(9, 6, 'float32');
    expect(single.matmul(left, right, undefined, out)).toBe(out);
    expect(Array.from(out.data)).toEqual(rounded(double.matmul(left, right)));
    expect(Array.from(single.matmul(right, left, { transposeA: true, transposeB: true }).data)).toEqual(
      rounded(double.matmul(right, left, { transposeA: true, transposeB: true })),
    );
  });

  it('a long product is within k·2⁻²⁴·Σ|terms| of the mathjs oracle', () => {
    const left = random(rng, 5, 700);
    const right = random(rng, 700, 6);
    const result = single.matmul(left, right);
    const exact = oracle.matmul(left, right);
    const terms = oracle.matmul(oracle.map(left, Math.abs), oracle.map(right, Math.abs));
    for (let i = 0; i < result.size; i++) {
      expect(Math.abs(result.data[i] - exact.data[i])).toBeLessThanOrEqual(4 * 2 ** -24 * terms.data[i]);
    }
  });

  it('an accumulating product is the float64 out + product rounded once, near mathjs\' product then sum', () => {
    for (const options of [{}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true }]) {
      const left = options.transposeA === true ? random(rng, 300, 7) : random(rng, 7, 300);
      const right = options.transposeB === true ? random(rng, 5, 300) : random(rng, 300, 5);
      const start = random(rng, 7, 5).astype('float32');
      const out = start.clone();
      expect(single.matmul(left, right, { ...options, accumulate: true }, out)).toBe(out);
      const wide = start.astype('float64');
      double.matmul(left, right, { ...options, accumulate: true }, wide);
      expect(Array.from(out.data)).toEqual(rounded(wide));
      const exact = oracle.add(oracle.matmul(left, right, options), start.astype('float64'));
      const terms = oracle.add(
        oracle.matmul(oracle.map(left, Math.abs), oracle.map(right, Math.abs), options),
        oracle.map(start.astype('float64'), Math.abs),
      );
      for (let i = 0; i < out.size; i++) {
        expect(Math.abs(out.data[i] - exact.data[i])).toBeLessThanOrEqual(2 ** -24 * terms.data[i] + 1e-12 * terms.data[i]);
      }
    }
  });

  it('accepts float32 operands and writes an out of either dtype', () => {
    const a32 = a.astype('float32');
    const sum = double.add(a32, a32);
    expect(sum.dtype).toBe('float64');
    expect(Array.from(sum.data)).toEqual(Array.from(a32.data, (x) => 2 * x));
    const out64 = new Matrix(a.rows, a.cols);
    expect(single.add(a, b, out64)).toBe(out64);
    expect(Array.from(out64.data)).toEqual(Array.from(double.add(a, b).data));
  });

  it('rejects an unknown dtype, naming it', () => {
    expect(() => new CpuBackend({ dtype: 'int8' as 'float32' })).toThrow(
      "CpuBackend: dtype must be 'float64' or 'float32', got int8",
    );
  });
});

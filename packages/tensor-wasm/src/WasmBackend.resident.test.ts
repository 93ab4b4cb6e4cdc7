import { bufferOfShape, CpuBackend, Matrix, Rng, type MatmulOptions, type TensorBackend } from '@synthgrad/tensor';
import { describeBackendContract, describeBackendProperties, expectMatrixClose } from '@synthgrad/tensor/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { residentOperands } from '../test/residentOperands.js';
import { WasmBackend } from './WasmBackend.js';

// The shared suites build ordinary matrices: through residentOperands every operand and `out`
// is a resident matrix instead, aliasing kept, so the in-place paths meet the same checks.
describeBackendContract('wasm, resident operands', () => residentOperands(new WasmBackend({ resident: true })));
describeBackendProperties('wasm, resident operands', () => residentOperands(new WasmBackend({ resident: true })), {
  blockedMatmul: { m: 140, k: 300, n: 40 },
});

const copying = new WasmBackend();
const resident = new WasmBackend({ resident: true });

/** The float64 bit patterns, so that −0 ≠ 0 and every NaN payload counts. */
function bits(m: Matrix): bigint[] {
  return Array.from(new BigUint64Array(m.data.slice().buffer));
}

function residentCopy(backend: WasmBackend, m: Matrix): Matrix {
  return backend.zeros(m.rows, m.cols).copyFrom(m);
}

type Op = (k: TensorBackend, a: Matrix, b: Matrix, row: Matrix, out?: Matrix) => Matrix;
const OPS: ReadonlyArray<readonly [string, Op]> = [
  ['add', (k, a, b, _, out) => k.add(a, b, out)],
  ['sub', (k, a, b, _, out) => k.sub(a, b, out)],
  ['mul', (k, a, b, _, out) => k.mul(a, b, out)],
  ['scale', (k, a, _b, _r, out) => k.scale(a, -0.37, out)],
  ['addScaled', (k, a, b, _, out) => k.addScaled(a, b, -0.1, out)],
  ['addRowVector', (k, a, _b, row, out) => k.addRowVector(a, row, out)],
  ['mulRowVector', (k, a, _b, row, out) => k.mulRowVector(a, row, out)],
  ['sigmoid', (k, a, _b, _r, out) => k.sigmoid(a, out)],
  ['sigmoidBackward', (k, a, b, _, out) => k.sigmoidBackward(a, b, out)],
  ['tanh', (k, a, _b, _r, out) => k.tanh(a, out)],
  ['tanhBackward', (k, a, b, _, out) => k.tanhBackward(a, b, out)],
  ['relu', (k, a, _b, _r, out) => k.relu(a, out)],
  ['reluBackward', (k, a, b, _, out) => k.reluBackward(a, b, out)],
  ['clip', (k, a, _b, _r, out) => k.clip(a, -0.5, 0.7, out)],
];
const COLUMN_OPS = ['sumColumns', 'meanColumns', 'varianceColumns'] as const;
const MODES: readonly MatmulOptions[] = [
  {}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true },
];

describe('WasmBackend, resident matrices', () => {
  it('takes column views of resident matrices, in place, as the copying path does', () => {
    const rng = new Rng(21);
    const x = rng.fillNormal(new Matrix(8, 5), 0, 1);
    const w = rng.fillNormal(new Matrix(5, 24), 0, 1);
    const gates = resident.matmul(residentCopy(resident, x), residentCopy(resident, w), {}, resident.zeros(8, 24));
    const plain = copying.matmul(x, w);
    for (const [k, m] of [[resident, gates], [copying, plain]] as const) {
      for (const gate of [0, 1, 2]) k.sigmoid(m.columns(gate * 6, 6), m.columns(gate * 6, 6));
      k.tanh(m.columns(18, 6), m.columns(18, 6));
      k.matmul(x, w.columns(3, 6), { accumulate: true }, m.columns(6, 6));
    }
    expect(resident.holds(gates)).toBe(true);
    expect(bits(gates)).toEqual(bits(plain));
    const cpu = new CpuBackend();
    const expected = cpu.matmul(x, w);
    for (const gate of [0, 1, 2]) cpu.sigmoid(expected.columns(gate * 6, 6), expected.columns(gate * 6, 6));
    cpu.tanh(expected.columns(18, 6), expected.columns(18, 6));
    cpu.matmul(x, w.columns(3, 6), { accumulate: true }, expected.columns(6, 6));
    expectMatrixClose(gates, expected, 1e-12);
  });

  it('makes zero-filled matrices that live in its wasm memory', () => {
    const m = resident.zeros(3, 5);
    expect(resident.holds(m)).toBe(true);
    expect(copying.holds(m)).toBe(false);
    expect(m.toArray()).toEqual([[0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]]);
    expect(m.data.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('gives ordinary matrices by default', () => {
    const m = copying.zeros(2, 2);
    expect(copying.holds(m)).toBe(false);
    expect(m.data.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('keeps bufferOfShape buffers resident, on the same block while they fit', () => {
    const full = resident.zeros(128, 10);
    const short = bufferOfShape(full, 17, 10);
    expect(resident.holds(short)).toBe(true);
    expect(short.data.byteOffset).toBe(full.data.byteOffset);
    const wider = bufferOfShape(short, 128, 20);
    expect(resident.holds(wider)).toBe(true);
    expect(wider.data.byteOffset).not.toBe(full.data.byteOffset);
    expect(wider.data.every((x) => x === 0)).toBe(true);
  });

  it('keeps its values, and its views valid, when the memory grows', () => {
    const backend = new WasmBackend({ resident: true });
    const m = backend.zeros(4, 4);
    m.data.set(Array.from({ length: 16 }, (_, i) => i));
    const before = backend.memoryBytes;
    const big = backend.zeros(2000, 2000);
    expect(backend.memoryBytes).toBeGreaterThan(before);
    expect(Array.from(m.data)).toEqual(Array.from({ length: 16 }, (_, i) => i));
    expect(backend.scale(m, 2).get(3, 3)).toBe(30);
    backend.scale(m, 2, m);
    expect(m.get(3, 3)).toBe(30);
    expect(big.get(1999, 1999)).toBe(0);
  });

  // The resident paths run the same kernels on the same values: bit-identical to copying.
  it.each([[1, 1], [1, 7], [5, 9], [13, 6], [64, 33]])(
    'element-wise and row-vector ops are bit-identical to the copying path, in place or not (%i×%i)',
    (rows, cols) => {
      const rng = new Rng(rows * 31 + cols);
      const a = rng.fillNormal(new Matrix(rows, cols), 0, 2);
      const b = rng.fillNormal(new Matrix(rows, cols), 0, 2);
      const row = rng.fillNormal(new Matrix(1, cols), 0, 2);
      for (const [name, op] of OPS) {
        const expected = bits(op(copying, a, b, row));
        const ra = residentCopy(resident, a);
        const rb = residentCopy(resident, b);
        const rr = residentCopy(resident, row);
        expect(bits(op(resident, ra, rb, rr)), `${name}, new result`).toEqual(expected);
        expect(bits(op(resident, ra, rb, rr, resident.zeros(rows, cols))), `${name}, resident out`).toEqual(expected);
        expect(bits(op(resident, ra, b, row, new Matrix(rows, cols))), `${name}, mixed operands`).toEqual(expected);
        expect(bits(op(resident, a, rb, rr, resident.zeros(rows, cols))), `${name}, ordinary a`).toEqual(expected);
        op(resident, ra, rb, rr, ra);
        expect(bits(ra), `${name}, in place over a`).toEqual(expected);
      }
    },
  );

  it.each([[1, 7], [5, 9], [64, 33]])('column reductions and dot are bit-identical (%i×%i)', (rows, cols) => {
    const rng = new Rng(rows + cols);
    const a = rng.fillNormal(new Matrix(rows, cols), 1, 3);
    const ra = residentCopy(resident, a);
    for (const op of COLUMN_OPS) {
      const expected = bits(copying[op](a));
      expect(bits(resident[op](ra, resident.zeros(1, cols))), op).toEqual(expected);
      expect(bits(resident[op](ra)), op).toEqual(expected);
    }
    expect(resident.dot(ra, ra)).toBe(copying.dot(a, a));
    expect(resident.allFinite(ra)).toBe(true);
  });

  it('reduces a 1×n resident matrix into itself like the copying path', () => {
    for (const op of COLUMN_OPS) {
      const a = Matrix.fromArray([[1.5, -2, 3.25]]);
      const ra = residentCopy(resident, a);
      expect(bits(resident[op](ra, ra)), op).toEqual(bits(copying[op](a)));
    }
  });

  it.each([[10, 24, 128], [128, 784, 256], [130, 257, 40], [3, 5, 2053]])(
    'matmul %i×%i·%i is bit-identical in all four transpose modes',
    (m, k, n) => {
      const rng = new Rng(m + k + n);
      for (const options of MODES) {
        const a = rng.fillNormal(options.transposeA ? new Matrix(k, m) : new Matrix(m, k), 0, 1);
        const b = rng.fillNormal(options.transposeB ? new Matrix(n, k) : new Matrix(k, n), 0, 1);
        const expected = bits(copying.matmul(a, b, options));
        const ra = residentCopy(resident, a);
        const rb = residentCopy(resident, b);
        expect(bits(resident.matmul(ra, rb, options, resident.zeros(m, n)))).toEqual(expected);
        expect(bits(resident.matmul(ra, b, options))).toEqual(expected);
      }
    },
  );

  it('refuses an out on the block of an operand, even through a view made after growth', () => {
    const backend = new WasmBackend({ resident: true });
    const a = backend.zeros(4, 8);
    backend.zeros(3000, 3000);
    const view = bufferOfShape(a, 4, 4);
    expect(view.data.buffer).not.toBe(a.data.buffer);
    expect(() => backend.matmul(a, Matrix.zeros(8, 4), undefined, view)).toThrow(
      'matmul: out must not share memory with an operand',
    );
  });

  describe('with worker threads', () => {
    const threaded = new WasmBackend({ threads: 2, minParallelFlops: 0, resident: true });
    afterAll(() => threaded.dispose());

    it('shares products of resident matrices, bit-identical to one thread', async () => {
      expect(await threaded.whenThreadsStarted()).toBe(1);
      const rng = new Rng(5);
      const a = rng.fillNormal(new Matrix(128, 784), 0, 1);
      const b = rng.fillNormal(new Matrix(784, 256), 0, 1);
      const out = threaded.zeros(128, 256);
      threaded.matmul(residentCopy(threaded, a), residentCopy(threaded, b), undefined, out);
      expect(bits(out)).toEqual(bits(copying.matmul(a, b)));
    });
  });
});

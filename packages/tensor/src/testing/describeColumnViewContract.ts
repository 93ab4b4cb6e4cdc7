import { describe, expect, it } from 'vitest';
import { MathjsBackend } from '../backends/mathjs/MathjsBackend.js';
import { Matrix } from '../Matrix.js';
import type { MatmulOptions, TensorBackend } from '../TensorBackend.js';
import { expectMatrixClose } from './expectMatrixClose.js';
import { abs, embedded, random } from './randomMatrix.js';

type Op = (backend: TensorBackend, x: Matrix, y: Matrix, out?: Matrix) => Matrix;

// Ops of one or two same-shaped operands (y is ignored by the unary ones); row-vector ops take
// y's first row.
const SAME_SHAPE_OPS: ReadonlyArray<readonly [string, Op]> = [
  ['add', (k, x, y, out) => k.add(x, y, out)],
  ['sub', (k, x, y, out) => k.sub(x, y, out)],
  ['mul', (k, x, y, out) => k.mul(x, y, out)],
  ['scale', (k, x, _y, out) => k.scale(x, -1.5, out)],
  ['addScaled', (k, x, y, out) => k.addScaled(x, y, 0.25, out)],
  ['map', (k, x, _y, out) => k.map(x, (v) => v * v - 1, out)],
  ['sigmoid', (k, x, _y, out) => k.sigmoid(x, out)],
  ['sigmoidBackward', (k, x, y, out) => k.sigmoidBackward(x, y, out)],
  ['tanh', (k, x, _y, out) => k.tanh(x, out)],
  ['tanhBackward', (k, x, y, out) => k.tanhBackward(x, y, out)],
  ['relu', (k, x, _y, out) => k.relu(x, out)],
  ['reluBackward', (k, x, y, out) => k.reluBackward(x, y, out)],
  ['clip', (k, x, _y, out) => k.clip(x, -0.5, 0.75, out)],
];

const ROW_OPS: ReadonlyArray<readonly [string, Op]> = [
  ['addRowVector', (k, x, row, out) => k.addRowVector(x, row, out)],
  ['mulRowVector', (k, x, row, out) => k.mulRowVector(x, row, out)],
  ['sumColumns', (k, x, _y, out) => k.sumColumns(x, out)],
  ['meanColumns', (k, x, _y, out) => k.meanColumns(x, out)],
  ['varianceColumns', (k, x, _y, out) => k.varianceColumns(x, out)],
];

const MODES: readonly MatmulOptions[] = [
  {}, { transposeA: true }, { transposeB: true }, { transposeA: true, transposeB: true },
];

/** Asserts that `parent`'s columns outside `start … start + count − 1` still equal `before`'s. */
function expectOtherColumnsKept(parent: Matrix, before: Matrix, start: number, count: number): void {
  for (let r = 0; r < parent.rows; r++) {
    for (let c = 0; c < parent.cols; c++) {
      if (c >= start && c < start + count) continue;
      expect(parent.get(r, c), `(${r}, ${c}) outside the view`).toBe(before.get(r, c));
    }
  }
}

/**
 * The contract for column views ({@link Matrix.columns}): every op reads views as operands and
 * writes them as `out` (in place included) as it does contiguous copies, and leaves the parent's
 * other columns alone. Part of {@link describeBackendContract}.
 */
export function describeColumnViewContract(getBackend: () => TensorBackend): void {
  describe('column views', () => {
    const oracle = new MathjsBackend();
    const x = random([5, 7], 3000);
    const y = oracle.map(random([5, 7], 3001), (v) => 1 / (1 + Math.exp(-v)));
    const row = random([1, 7], 3002);

    describe.each([...SAME_SHAPE_OPS, ...ROW_OPS])('%s', (name, run) => {
      const second = ROW_OPS.some(([op]) => op === name) ? row : y;

      it('reads view operands, writes a view out, and works in place on a view', () => {
        const backend = getBackend();
        const expected = run(oracle, x, second);
        const a = embedded(x, 3010).view;
        const b = second.rows > 1 ? embedded(second, 3011).view : second;
        expectMatrixClose(run(backend, a, b), expected, 1e-12);

        const { view: out, parent } = embedded(new Matrix(expected.rows, expected.cols), 3012);
        const before = parent.clone();
        expect(run(backend, x, second, out)).toBe(out);
        expectMatrixClose(out, expected, 1e-12);
        expectOtherColumnsKept(parent, before, 2, expected.cols);

        if (expected.rows === x.rows) {
          const { view: inPlace, parent: home } = embedded(x, 3013);
          const kept = home.clone();
          expect(run(backend, inPlace, second, inPlace)).toBe(inPlace);
          expectMatrixClose(inPlace, expected, 1e-12);
          expectOtherColumnsKept(home, kept, 2, x.cols);
        }
      });
    });

    it('dot, argmaxRows, allFinite, concatColumns and gatherRows read views', () => {
      const backend = getBackend();
      const a = embedded(x, 3020).view;
      const b = embedded(y, 3021).view;
      expect(backend.dot(a, b)).toBeCloseTo(oracle.dot(x, y), 12);
      expect(Array.from(backend.argmaxRows(a))).toEqual(Array.from(oracle.argmaxRows(x)));
      expect(backend.allFinite(a)).toBe(true);
      const { view: holed, parent } = embedded(x, 3022);
      parent.set(1, 0, NaN); // outside the view
      expect(backend.allFinite(holed)).toBe(true);
      expectMatrixClose(backend.concatColumns([a, x, b]), oracle.concatColumns([x, x, y]), 0);
      const { view: out, parent: home } = embedded(new Matrix(5, 21), 3023);
      const kept = home.clone();
      backend.concatColumns([a, x, b], out);
      expectMatrixClose(out, oracle.concatColumns([x, x, y]), 0);
      expectOtherColumnsKept(home, kept, 2, 21);
      expectMatrixClose(backend.gatherRows(a, [4, 0, 4]), oracle.gatherRows(x, [4, 0, 4]), 0);
    });

    it('multiplies with view operands into a view out, in every transpose mode, accumulating or not', () => {
      const backend = getBackend();
      let seed = 3100;
      for (const [m, k, n] of [[6, 9, 11], [10, 24, 128], [3, 70, 5]] as const) {
        for (const options of MODES) {
          const left = random(options.transposeA ? [k, m] : [m, k], seed++);
          const right = random(options.transposeB ? [n, k] : [k, n], seed++);
          const terms = oracle.matmul(abs(left), abs(right), options);
          const a = embedded(left, seed++).view;
          const b = embedded(right, seed++).view;
          const { view: out, parent } = embedded(random([m, n], seed++), seed++);
          const start = out.clone();
          const before = parent.clone();
          expect(backend.matmul(a, b, options, out)).toBe(out);
          expectMatrixClose(out, oracle.matmul(left, right, options), 1e-12, terms);
          expectOtherColumnsKept(parent, before, 2, n);

          out.copyFrom(start);
          backend.matmul(a, b, { ...options, accumulate: true }, out);
          const sum = oracle.add(oracle.matmul(left, right, options), start);
          expectMatrixClose(out, sum, 1e-12, oracle.add(terms, abs(start)));
          expectOtherColumnsKept(parent, before, 2, n);
        }
      }
    });

    it('gives an LSTM its four gates as views of one batch × 4H product, in place', () => {
      const backend = getBackend();
      const [batch, inputs, hidden] = [8, 11, 6];
      const input = random([batch, inputs], 3200);
      const weights = random([inputs, 4 * hidden], 3201);
      const gates = backend.matmul(input, weights);
      const [i, f, o, g] = [0, 1, 2, 3].map((gate) => gates.columns(gate * hidden, hidden));
      for (const gate of [i, f, o]) backend.sigmoid(gate, gate);
      backend.tanh(g, g);
      // The same gates on separate matrices: one product per gate, then its activation.
      [0, 1, 2, 3].forEach((gate) => {
        const own = new Matrix(inputs, hidden);
        for (let r = 0; r < inputs; r++) for (let c = 0; c < hidden; c++) own.set(r, c, weights.get(r, gate * hidden + c));
        const z = oracle.matmul(input, own);
        const expected = gate === 3 ? oracle.tanh(z) : oracle.sigmoid(z);
        expectMatrixClose(gates.columns(gate * hidden, hidden), expected, 1e-12);
      });
      // c = f ⊙ c + i ⊙ g on views, h = o ⊙ tanh(c): the cell's other element-wise steps.
      const cell = random([batch, hidden], 3202);
      const expectedCell = oracle.add(oracle.mul(f.clone(), cell), oracle.mul(i.clone(), g.clone()));
      backend.mul(f, cell, cell);
      const ig = backend.mul(i, g);
      backend.add(cell, ig, cell);
      expectMatrixClose(cell, expectedCell, 1e-12);
      expectMatrixClose(backend.mul(o, backend.tanh(cell)), oracle.mul(o.clone(), oracle.tanh(expectedCell)), 1e-12);
    });
  });
}

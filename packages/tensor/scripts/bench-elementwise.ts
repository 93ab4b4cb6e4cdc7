// Local timing of the hot element-wise ops, not a test: `npx tsx scripts/bench-elementwise.ts`
// from packages/tensor. Each CpuBackend op is timed against a bare hand-written loop doing the
// same arithmetic with no checks, to show what the shared helper (unaryOp / binaryOp: sigmoid,
// sigmoidBackward, ...) and the shape checks cost. Every op of the helper is warmed up first,
// so that its call sites have seen many different functions, as in a real run.
import { CpuBackend } from '../src/backends/cpu/CpuBackend.js';
import { Matrix } from '../src/Matrix.js';
import { Rng } from '../src/random/Rng.js';

const cpu = new CpuBackend();
const rng = new Rng(5);
const shapes: Array<[number, number]> = [[10, 128], [100, 128], [128, 256]];

function nsPerElement(run: () => void, elements: number): number {
  const time = (reps: number): number => {
    const start = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) run();
    return Number(process.hrtime.bigint() - start);
  };
  let reps = 1;
  while (time(reps) < 2e7) reps *= 2;
  const samples = Array.from({ length: 15 }, () => time(reps) / reps / elements).sort((x, y) => x - y);
  return samples[7];
}

function bareSigmoid(a: Matrix, out: Matrix): void {
  const x = a.data;
  const y = out.data;
  for (let i = 0; i < x.length; i++) y[i] = 1 / (1 + Math.exp(-x[i]));
}

function bareSigmoidBackward(g: Matrix, s: Matrix, out: Matrix): void {
  const x = g.data;
  const z = s.data;
  const y = out.data;
  for (let i = 0; i < x.length; i++) y[i] = x[i] * (z[i] * (1 - z[i]));
}

function bareAddScaled(a: Matrix, b: Matrix, factor: number, out: Matrix): void {
  const x = a.data;
  const z = b.data;
  const y = out.data;
  for (let i = 0; i < x.length; i++) y[i] = x[i] + factor * z[i];
}

function bareAddRowVector(a: Matrix, row: Matrix, out: Matrix): void {
  const x = a.data;
  const v = row.data;
  const y = out.data;
  const cols = a.cols;
  for (let r = 0, s = 0; r < a.rows; r++) {
    for (let c = 0; c < cols; c++, s++) y[s] = x[s] + v[c];
  }
}

// Make every helper-generated op hot before timing.
{
  const a = rng.fillUniform(new Matrix(10, 128), -1, 1);
  const b = rng.fillUniform(new Matrix(10, 128), 0, 1);
  const out = new Matrix(10, 128);
  for (let i = 0; i < 3000; i++) {
    cpu.add(a, b, out); cpu.sub(a, b, out); cpu.mul(a, b, out);
    cpu.sigmoid(a, out); cpu.sigmoidDerivative(b, out); cpu.sigmoidBackward(a, b, out);
    cpu.tanh(a, out); cpu.tanhDerivative(b, out); cpu.tanhBackward(a, b, out);
    cpu.relu(a, out); cpu.reluDerivative(b, out); cpu.reluBackward(a, b, out);
  }
}

console.log('ns per element, median of 15 samples: backend op vs bare loop');
for (const [rows, cols] of shapes) {
  const a = rng.fillUniform(new Matrix(rows, cols), -4, 4);
  const y = cpu.sigmoid(a);
  const grad = rng.fillUniform(new Matrix(rows, cols), -1, 1);
  const row = rng.fillUniform(new Matrix(1, cols), -1, 1);
  const out = new Matrix(rows, cols);
  const n = rows * cols;
  const pairs: Array<[string, () => void, () => void]> = [
    ['sigmoid', () => cpu.sigmoid(a, out), () => bareSigmoid(a, out)],
    ['sigmoidBackward', () => cpu.sigmoidBackward(grad, y, out), () => bareSigmoidBackward(grad, y, out)],
    ['addScaled', () => cpu.addScaled(a, grad, -0.1, out), () => bareAddScaled(a, grad, -0.1, out)],
    ['addRowVector', () => cpu.addRowVector(a, row, out), () => bareAddRowVector(a, row, out)],
  ];
  for (const [name, op, bare] of pairs) {
    const opTime = nsPerElement(op, n);
    const bareTime = nsPerElement(bare, n);
    console.log(
      `${`${rows}×${cols}`.padEnd(8)} ${name.padEnd(16)} op ${opTime.toFixed(3)}  bare ${bareTime.toFixed(3)}` +
        `  ratio ${(opTime / bareTime).toFixed(2)}`,
    );
  }
}

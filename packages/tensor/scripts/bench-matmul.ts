// Local timing of matmul, not a test. From packages/tensor:
//   npx tsx scripts/bench-matmul.ts            the cpu backend, every shape and transpose mode
//   npx tsx scripts/bench-matmul.ts --mathjs   the mathjs backend on the smallest shape
//   add --quick for fewer, shorter samples
// Prints the median GFLOP/s (2·m·n·k flops per product) over timed samples after a warm-up.
// The two backends run in separate processes on purpose: merely loading mathjs through tsx
// made the cpu kernel measure about 10% slower here.
import { CpuBackend } from '../src/backends/cpu/CpuBackend.js';
import { Matrix } from '../src/Matrix.js';
import { Rng } from '../src/random/Rng.js';
import type { TensorBackend } from '../src/TensorBackend.js';

interface Case {
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly note: string;
}

const cases: Case[] = [
  { m: 10, k: 24, n: 128, note: 'forward X·W, batch 10' },
  { m: 10, k: 128, n: 64, note: 'forward, batch 10' },
  { m: 10, k: 64, n: 12, note: 'forward, batch 10' },
  { m: 10, k: 128, n: 24, note: 'backward δ·Wᵀ shape, batch 10' },
  { m: 24, k: 10, n: 128, note: 'weight gradient Xᵀ·δ shape, batch 10' },
  { m: 100, k: 24, n: 128, note: 'forward, batch 100' },
  { m: 128, k: 100, n: 64, note: 'weight gradient shape, batch 100' },
  { m: 128, k: 784, n: 256, note: 'MNIST first layer, batch 128' },
  { m: 256, k: 256, n: 256, note: 'square' },
];
const modes = [
  { label: 'A·B', transposeA: false, transposeB: false },
  { label: 'Aᵀ·B', transposeA: true, transposeB: false },
  { label: 'A·Bᵀ', transposeA: false, transposeB: true },
  { label: 'Aᵀ·Bᵀ', transposeA: true, transposeB: true },
];
const quick = process.argv.includes('--quick');
const samples = quick ? 7 : 15;
const sampleSeconds = quick ? 0.01 : 0.03;
const rng = new Rng(1);

function gflops(backend: TensorBackend, c: Case, transposeA: boolean, transposeB: boolean): number {
  const a = transposeA ? new Matrix(c.k, c.m) : new Matrix(c.m, c.k);
  const b = transposeB ? new Matrix(c.n, c.k) : new Matrix(c.k, c.n);
  rng.fillUniform(a, -1, 1);
  rng.fillUniform(b, -1, 1);
  const out = new Matrix(c.m, c.n);
  const options = { transposeA, transposeB };
  const run = (reps: number): number => {
    const start = process.hrtime.bigint();
    for (let r = 0; r < reps; r++) backend.matmul(a, b, options, out);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  let reps = 1;
  while (run(reps) < sampleSeconds) reps *= 2;
  const times: number[] = [];
  for (let s = 0; s < samples; s++) times.push(run(reps) / reps);
  times.sort((x, y) => x - y);
  return (2 * c.m * c.n * c.k) / times[samples >> 1] / 1e9;
}

if (process.argv.includes('--mathjs')) {
  const { MathjsBackend } = await import('../src/backends/mathjs/MathjsBackend.js');
  const c = cases[0];
  const speed = gflops(new MathjsBackend(), c, false, false);
  console.log(`mathjs backend, ${c.m}×${c.k}·${c.k}×${c.n}: ${speed.toFixed(3)} GFLOP/s (median)`);
} else {
  const cpu = new CpuBackend();
  console.log(`cpu backend, median GFLOP/s over ${samples} samples (node ${process.version})`);
  console.log(['m×k·k×n'.padEnd(18), ...modes.map((m) => m.label.padStart(7)), '  note'].join(''));
  for (const c of cases) {
    const cells = modes.map((mode) =>
      gflops(cpu, c, mode.transposeA, mode.transposeB).toFixed(2).padStart(7),
    );
    console.log([`${c.m}×${c.k}·${c.k}×${c.n}`.padEnd(18), ...cells, `  ${c.note}`].join(''));
  }
}

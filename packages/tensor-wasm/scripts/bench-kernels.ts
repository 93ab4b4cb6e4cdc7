// Times the wasm backend against the cpu backend, interleaved so both see the same machine load:
// matmul GFLOP/s per shape and transpose mode, element-wise ops per value (and a dtype 'float32'
// wasm backend's on float32 matrices), and one training step
// of the tutorial's network (24→128→64→12 sigmoid). For tuning; `npm run bench` at the root is
// the project's benchmark.
//   npx tsx --tsconfig ../../tsconfig.base.json --conditions=@synthgrad/source scripts/bench-kernels.ts [--threads N] [--only matmul|elementwise|step]
import { loadavg } from 'node:os';
import { CpuBackend, Matrix, Rng, type MatmulOptions, type TensorBackend } from '@synthgrad/tensor';
import { WasmBackend } from '../src/index.js';

const args = process.argv.slice(2);
const threads = Number(args[args.indexOf('--threads') + 1] ?? 1) || 1;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median ms per call of each fn, sampled in alternation. */
function race(fns: readonly (() => void)[], samples = 15, minMs = 10): number[] {
  const reps = fns.map((fn) => {
    for (let i = 0; i < 3; i++) fn();
    let n = 1;
    for (;;) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) fn();
      if (performance.now() - t0 >= minMs || n >= 1 << 20) return n;
      n *= 2;
    }
  });
  const times = fns.map(() => [] as number[]);
  for (let s = 0; s < samples; s++) {
    fns.forEach((fn, i) => {
      const t0 = performance.now();
      for (let r = 0; r < reps[i]; r++) fn();
      times[i].push((performance.now() - t0) / reps[i]);
    });
  }
  return times.map(median);
}

const rng = new Rng(1);
const cpu = new CpuBackend();
const wasm = new WasmBackend({ threads });
const backends: TensorBackend[] = [cpu, wasm];
await wasm.whenThreadsStarted();
console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; wasm threads ${threads} (ready workers ${wasm.readyWorkers})`);

if (only === undefined || only === 'matmul') {
  const modes: [string, MatmulOptions][] = [['AB', {}], ['AᵀB', { transposeA: true }], ['ABᵀ', { transposeB: true }]];
  for (const [m, k, n] of [[10, 24, 128], [10, 128, 64], [128, 784, 256], [256, 256, 256], [784, 128, 256], [512, 512, 512]]) {
    for (const [label, options] of modes) {
      const a = rng.fillNormal(options.transposeA ? new Matrix(k, m) : new Matrix(m, k), 0, 1);
      const b = rng.fillNormal(options.transposeB ? new Matrix(n, k) : new Matrix(k, n), 0, 1);
      const out = new Matrix(m, n);
      const ms = race(backends.map((be) => () => void be.matmul(a, b, options, out)));
      const gf = ms.map((t) => ((2 * m * k * n) / t / 1e6).toFixed(2));
      console.log(`matmul ${m}×${k}·${k}×${n} ${label.padEnd(4)} cpu ${gf[0]}  wasm ${gf[1]} GFLOP/s  (×${(ms[0] / ms[1]).toFixed(2)})`);
    }
  }
}

if (only === undefined || only === 'elementwise') {
  // float32: a dtype 'float32' backend on float32 matrices, beside the float64 wasm backend.
  const wasm32 = new WasmBackend({ dtype: 'float32' });
  for (const size of [1280, 8192, 32768]) {
    const a = rng.fillNormal(new Matrix(size / 128, 128), 0, 1);
    const b = rng.fillNormal(new Matrix(size / 128, 128), 0, 1);
    const out = new Matrix(size / 128, 128);
    const [a32, b32, out32] = [a, b, out].map((m) => m.astype('float32'));
    type Op = (be: TensorBackend, a: Matrix, b: Matrix, out: Matrix) => unknown;
    const ops: [string, Op][] = [
      ['add', (be, a, b, out) => be.add(a, b, out)],
      ['addScaled', (be, a, b, out) => be.addScaled(a, b, -0.1, out)],
      ['sigmoid', (be, a, _b, out) => be.sigmoid(a, out)],
      ['tanh', (be, a, _b, out) => be.tanh(a, out)],
      ['sigmoidBackward', (be, a, b, out) => be.sigmoidBackward(a, b, out)],
      ['relu', (be, a, _b, out) => be.relu(a, out)],
      ['sumColumns', (be, a) => be.sumColumns(a)],
    ];
    for (const [name, op] of ops) {
      const ms = race([() => op(cpu, a, b, out), () => op(wasm, a, b, out), () => op(wasm32, a32, b32, out32)]);
      const perValue = (t: number): string => ((t * 1e6) / size).toFixed(2);
      console.log(
        `${name.padEnd(16)} n=${size}: cpu ${perValue(ms[0])}  wasm ${perValue(ms[1])}  wasm float32 ${perValue(ms[2])} ns/value ` +
          `(wasm ×${(ms[0] / ms[1]).toFixed(2)} cpu; float32 ×${(ms[1] / ms[2]).toFixed(2)} float64)`,
      );
    }
  }
}

if (only === undefined || only === 'step') {
  for (const batch of [10, 100]) {
    const sizes = [24, 128, 64, 12];
    const step = (be: TensorBackend): (() => void) => {
      const r = new Rng(3);
      const x = r.fillUniform(new Matrix(batch, 24), 0, 1);
      const y = r.fillUniform(new Matrix(batch, 12), 0, 1);
      const w = sizes.slice(1).map((s, i) => r.fillNormal(new Matrix(sizes[i], s), -0.1, 0.2));
      const h = sizes.slice(1).map((s) => new Matrix(batch, s));
      const d = sizes.slice(1).map((s) => new Matrix(batch, s));
      const wd = sizes.slice(1).map((s) => new Matrix(batch, s));
      const g = sizes.slice(1).map((s, i) => new Matrix(sizes[i], s));
      const inDelta = new Matrix(batch, 24);
      return () => {
        let input = x;
        for (let i = 0; i < 3; i++) {
          be.matmul(input, w[i], undefined, h[i]);
          be.sigmoid(h[i], h[i]);
          input = h[i];
        }
        be.sub(h[2], y, d[2]);
        for (let i = 2; i >= 0; i--) {
          be.sigmoidBackward(d[i], h[i], wd[i]);
          be.matmul(wd[i], w[i], { transposeB: true }, i > 0 ? d[i - 1] : inDelta);
        }
        for (let i = 0; i < 3; i++) {
          be.matmul(i > 0 ? h[i - 1] : x, wd[i], { transposeA: true }, g[i]);
          be.addScaled(w[i], g[i], -0.1, w[i]);
        }
      };
    };
    const ms = race(backends.map(step), 21);
    const perEpoch = 1000 / batch;
    console.log(`tutorial step batch ${batch}: cpu ${(ms[0] * perEpoch).toFixed(2)}  wasm ${(ms[1] * perEpoch).toFixed(2)} ms/epoch (×${(ms[0] / ms[1]).toFixed(2)})`);
  }
}
console.log(`load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
wasm.dispose();

import { Matrix, Rng, type MatmulOptions } from '@synthgrad/tensor';
import { loadavg } from 'node:os';
import { WasmBackend } from '../../src/index.ts';
const one = new WasmBackend();
const two = new WasmBackend({ threads: 2, minParallelFlops: 0 });
console.log('ready', await two.whenThreadsStarted(), 'load', loadavg().map((l) => l.toFixed(2)).join(' '));
const rng = new Rng(1);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [m, k, n, ta, tb] of [[10, 24, 128, 0, 0], [32, 64, 64, 0, 0], [64, 64, 64, 0, 0], [64, 128, 128, 0, 0], [100, 128, 64, 0, 0], [128, 128, 128, 0, 0], [128, 256, 256, 0, 0], [128, 784, 256, 0, 0], [784, 128, 256, 1, 0], [128, 256, 784, 0, 1], [256, 256, 256, 0, 0], [512, 512, 512, 0, 0]]) {
  const options: MatmulOptions = { transposeA: ta === 1, transposeB: tb === 1 };
  const a = rng.fillNormal(ta ? new Matrix(k, m) : new Matrix(m, k), 0, 1);
  const b = rng.fillNormal(tb ? new Matrix(n, k) : new Matrix(k, n), 0, 1);
  const out = new Matrix(m, n);
  const flops = 2 * m * k * n;
  const reps = Math.max(1, Math.round(3e7 / flops));
  const t1: number[] = [], t2: number[] = [];
  for (let s = 0; s < 15; s++) {
    for (const [be, t] of [[one, t1], [two, t2]] as const) {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) be.matmul(a, b, options, out);
      t.push((performance.now() - t0) / reps);
    }
  }
  const g1 = flops / median(t1) / 1e6, g2 = flops / median(t2) / 1e6;
  console.log(`${m}×${k}·${k}×${n}${ta ? ' Aᵀ' : ''}${tb ? ' Bᵀ' : ''} (${(flops / 1e6).toFixed(2)} MFLOP): 1 thread ${g1.toFixed(2)}, 2 threads ${g2.toFixed(2)} GFLOP/s  ×${(g2 / g1).toFixed(2)}`);
}
console.log('load', loadavg().map((l) => l.toFixed(2)).join(' '));
two.dispose();

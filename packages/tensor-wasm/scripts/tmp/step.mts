import { Matrix, Rng, type TensorBackend } from '@synthgrad/tensor';
import { WasmBackend } from '../../src/index.ts';
const be: TensorBackend = new WasmBackend();
const batch = Number(process.argv[2] ?? 10);
const sizes = [24, 128, 64, 12];
const r = new Rng(3);
const x = r.fillUniform(new Matrix(batch, 24), 0, 1);
const y = r.fillUniform(new Matrix(batch, 12), 0, 1);
const w = sizes.slice(1).map((s, i) => r.fillNormal(new Matrix(sizes[i], s), -0.1, 0.2));
const h = sizes.slice(1).map((s) => new Matrix(batch, s));
const d = sizes.slice(1).map((s) => new Matrix(batch, s));
const wd = sizes.slice(1).map((s) => new Matrix(batch, s));
const g = sizes.slice(1).map((s, i) => new Matrix(sizes[i], s));
const inDelta = new Matrix(batch, 24);
const step = () => {
  let input = x;
  for (let i = 0; i < 3; i++) { be.matmul(input, w[i], undefined, h[i]); be.sigmoid(h[i], h[i]); input = h[i]; }
  be.sub(h[2], y, d[2]);
  for (let i = 2; i >= 0; i--) { be.sigmoidBackward(d[i], h[i], wd[i]); be.matmul(wd[i], w[i], { transposeB: true }, i > 0 ? d[i - 1] : inDelta); }
  for (let i = 0; i < 3; i++) { be.matmul(i > 0 ? h[i - 1] : x, wd[i], { transposeA: true }, g[i]); be.addScaled(w[i], g[i], -0.1, w[i]); }
};
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < 8000) { for (let i = 0; i < 100; i++) step(); n++; }
console.log(`${((performance.now() - t0) / n).toFixed(2)} ms/epoch`);

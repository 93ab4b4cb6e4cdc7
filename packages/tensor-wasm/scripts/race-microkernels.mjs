// Builds the kernels with several float64 micro-kernel shapes (MRxNR, optionally uN for a k loop
// unrolled N times) and races their GEMMs in one process, in alternation, so that every variant
// sees the same machine load:  node scripts/race-microkernels.mjs 2x8 4x4 2x8u2
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileKernels, generateMicrokernel, PACKAGE_ROOT } from './wasmBuild.mjs';
const variants = process.argv.slice(2).map((v) => v.split(/[xu]/).map(Number));
const modules = [];
for (const [MR, NR, unroll = 1] of variants) {
  const dir = mkdtempSync(join(tmpdir(), `kernel-${MR}x${NR}u${unroll}-`));
  cpSync(join(PACKAGE_ROOT, 'assembly'), join(dir, 'assembly'), { recursive: true });
  writeFileSync(join(dir, 'assembly/generated/microkernel.ts'), generateMicrokernel({ f64: { MR, NR, type: 'f64', vector: 'f64x2', lanes: 2 }, f32: { MR: 2, NR: 16, type: 'f32', vector: 'f32x4', lanes: 4 } }, unroll));
  modules.push([`${MR}x${NR}u${unroll}`, new WebAssembly.Module(await compileKernels({ shared: true, baseDir: dir }))]);
}
const memory = new WebAssembly.Memory({ initial: 1024, maximum: 32768, shared: true });
const f = new Float64Array(memory.buffer);
const insts = modules.map(([name, m]) => [name, new WebAssembly.Instance(m, { env: { memory } }).exports]);
const WORK = 65536, A = WORK + 6 * 2 ** 20, B = A + 2 ** 23, C = B + 2 ** 23;
for (let i = 0; i < 2 ** 20; i++) { f[A / 8 + i] = Math.random() - 0.5; f[B / 8 + i] = Math.random() - 0.5; }
const shapes = [[10, 24, 128, 0, 0], [10, 128, 64, 0, 1], [10, 64, 128, 1, 0], [128, 784, 256, 0, 0], [128, 256, 784, 0, 1], [784, 128, 256, 1, 0], [256, 256, 256, 0, 0]];
for (const [m, k, n, ta, tb] of shapes) {
  const ars = ta ? 1 : k, acs = ta ? m : 1, brs = tb ? 1 : n, bcs = tb ? k : 1;
  const flops = 2 * m * k * n;
  const reps = Math.max(1, Math.round(2e7 / flops));
  const times = insts.map(() => []);
  for (let s = 0; s < 15; s++) insts.forEach(([, e], i) => {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) e.gemm(A, ars, acs, B, brs, bcs, C, n, 0, m, 0, n, k, WORK);
    times[i].push((performance.now() - t0) / reps);
  });
  const med = times.map((t) => t.sort((a, b) => a - b)[7]);
  console.log(`${m}x${k}x${n} tA${ta} tB${tb}: ` + insts.map(([name], i) => `${name} ${(flops / med[i] / 1e6).toFixed(2)}`).join('  '));
}

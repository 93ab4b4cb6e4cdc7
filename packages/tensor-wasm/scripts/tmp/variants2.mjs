// Races GEMM variants made by text substitutions in assembly/gemm.ts.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileKernels, PACKAGE_ROOT } from '../wasmBuild.mjs';
const variants = JSON.parse(process.argv[2]); // [[name, [[from, to], ...]], ...]
const modules = [];
for (const [name, subs] of variants) {
  const dir = `/tmp/wb/var2_${name}`;
  mkdirSync(dir, { recursive: true });
  cpSync(join(PACKAGE_ROOT, 'assembly'), join(dir, 'assembly'), { recursive: true });
  let src = readFileSync(join(dir, 'assembly/gemm.ts'), 'utf8');
  for (const [from, to] of subs) { if (!src.includes(from)) throw new Error('missing ' + from); src = src.replace(from, to); }
  writeFileSync(join(dir, 'assembly/gemm.ts'), src);
  modules.push([name, new WebAssembly.Module(await compileKernels(dir))]);
}
const memory = new WebAssembly.Memory({ initial: 1024, maximum: 32768, shared: true });
const f = new Float64Array(memory.buffer);
const insts = modules.map(([name, m]) => [name, new WebAssembly.Instance(m, { env: { memory } }).exports]);
const WORK = 65536, A = WORK + 6 * 2 ** 20, B = A + 2 ** 23, C = B + 2 ** 23;
for (let i = 0; i < 2 ** 20; i++) { f[A / 8 + i] = Math.random() - 0.5; f[B / 8 + i] = Math.random() - 0.5; }
const shapes = JSON.parse(process.argv[3] ?? '[[10,24,128,0,0],[24,10,128,1,0],[128,784,256,0,0],[784,128,256,1,0],[256,128,256,1,0],[128,256,256,0,1],[256,256,256,0,0]]');
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

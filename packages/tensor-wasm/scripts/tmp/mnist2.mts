import { Rng } from '@synthgrad/tensor';
import { loadavg } from 'node:os';
import { WasmBackend } from '../../src/index.ts';
import { createMnistMlp, mnistMlpStep } from '../../../../tools/bench/src/mnistMlp.ts';
const bes = { f64: new WasmBackend(), f32: new WasmBackend({ precision: 'float32' }) };
const nets = { f64: createMnistMlp(new Rng(1)), f32: createMnistMlp(new Rng(1)) };
const t: Record<string, number[]> = { f64: [], f32: [] };
for (let s = 0; s < 12; s++) for (const k of ['f64', 'f32'] as const) {
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) mnistMlpStep(bes[k], nets[k], i);
  t[k].push(((performance.now() - t0) / 10 / 1000) * 10000 / 128);
}
for (const k of ['f64', 'f32']) console.log(k, t[k].sort((a, b) => a - b)[6].toFixed(3), 's/10k');
console.log('load', loadavg()[0]);

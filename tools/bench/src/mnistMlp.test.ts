import { CpuBackend, Rng } from '@synthgrad/tensor';
import { WasmBackend } from '@synthgrad/tensor-wasm';
import { describe, expect, it } from 'vitest';
import { createMnistMlp, MNIST_MLP, mnistMlpStep } from './mnistMlp.js';

describe('mnistMlpStep', () => {
  it('trains the same weights on the cpu and wasm backends, and changes them', () => {
    const cpuNet = createMnistMlp(new Rng(5), 2);
    const wasmNet = createMnistMlp(new Rng(5), 2);
    const before = cpuNet.weights.map((w) => w.clone());
    const cpu = new CpuBackend();
    const wasm = new WasmBackend();
    for (let step = 0; step < 3; step++) {
      mnistMlpStep(cpu, cpuNet, step);
      mnistMlpStep(wasm, wasmNet, step);
    }
    cpuNet.weights.forEach((w, layer) => {
      expect(w.hasShape(MNIST_MLP.sizes[layer], MNIST_MLP.sizes[layer + 1])).toBe(true);
      const worst = Array.from(w.data).reduce((m, x, i) => Math.max(m, Math.abs(x - wasmNet.weights[layer].data[i])), 0);
      expect(worst).toBeLessThan(1e-12);
      const moved = Array.from(w.data).reduce((m, x, i) => Math.max(m, Math.abs(x - before[layer].data[i])), 0);
      expect(moved).toBeGreaterThan(1e-6);
    });
  });
});

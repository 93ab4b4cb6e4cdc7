import { CpuBackend, Matrix, MathjsBackend, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { createRawOpsNetwork, tutorialRawOpsStep } from './tutorialRawOps.js';

const SIZES = [5, 4, 3, 2];
const BATCH = 3;
const ALPHA = 0.1;

/** `½ Σ (out − y)²` by plain loops: the loss whose gradient the tutorial's `out − y` delta is. */
function loss(weights: readonly Matrix[], x: Matrix, y: Matrix): number {
  let activations = x.toArray();
  for (const w of weights) {
    activations = activations.map((row) =>
      Array.from({ length: w.cols }, (_, j) => {
        let z = 0;
        for (let k = 0; k < w.rows; k++) z += row[k] * w.get(k, j);
        return 1 / (1 + Math.exp(-z));
      }),
    );
  }
  let total = 0;
  activations.forEach((row, r) => row.forEach((v, c) => (total += 0.5 * (v - y.get(r, c)) ** 2)));
  return total;
}

describe.each([new CpuBackend(), new MathjsBackend()])('tutorialRawOpsStep on $name', (backend) => {
  it('moves every weight by −alpha times the finite-difference gradient of ½‖out − y‖²', () => {
    const rng = new Rng(7);
    const net = createRawOpsNetwork(rng, SIZES, BATCH);
    const bits = (cols: number): Matrix =>
      Matrix.fromArray(
        Array.from({ length: BATCH }, () => Array.from({ length: cols }, () => Math.round(rng.uniform()))),
      );
    const x = bits(SIZES[0]);
    const y = bits(SIZES[SIZES.length - 1]);
    const before = net.weights.map((w) => w.clone());

    tutorialRawOpsStep(backend, net, x, y, ALPHA);

    const h = 1e-6;
    before.forEach((w, layer) => {
      for (let i = 0; i < w.size; i++) {
        const plus = before.map((m) => m.clone());
        const minus = before.map((m) => m.clone());
        plus[layer].data[i] += h;
        minus[layer].data[i] -= h;
        const gradient = (loss(plus, x, y) - loss(minus, x, y)) / (2 * h);
        const step = (w.data[i] - net.weights[layer].data[i]) / ALPHA;
        expect(step).toBeCloseTo(gradient, 7);
      }
    });
  });
});

import { CpuBackend, Matrix, Rng } from '@synthgrad/tensor';
import { builtinActivations, builtinInitialisers, Dense, SgdOptimiser, type Layer } from '@synthgrad/layers';
import { describe, expect, it } from 'vitest';
import { backwardParametersOf } from './backwardParametersOf.js';
import { Network } from './Network.js';

const backend = new CpuBackend();
const tanh = builtinActivations.find((a) => a.name === 'tanh')!.create(backend);
const initialiser = builtinInitialisers[0].create();

function dense(seed: number, inputSize: number, outputSize: number): Dense {
  return new Dense(backend, { inputSize, outputSize, activation: tanh, initialiser, optimiser: new SgdOptimiser(backend), rng: new Rng(seed) });
}

function random(rows: number, cols: number, seed: number): Matrix {
  const rng = new Rng(seed);
  return Matrix.fromRows(Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal())));
}

/** Counts which backward each layer was asked for. */
function spied(layer: Dense): { layer: Layer; calls: string[] } {
  const calls: string[] = [];
  const proxy: Layer = Object.assign(Object.create(layer) as Layer, {
    forward: (x: Matrix, training: boolean) => layer.forward(x, training),
    backward: (g: Matrix) => (calls.push('backward'), layer.backward(g)),
    backwardParameters: (g: Matrix) => (calls.push('backwardParameters'), layer.backwardParameters(g)),
    parameters: () => layer.parameters(),
  });
  return { layer: proxy, calls };
}

describe('Network.backward', () => {
  it('skips the first layer’s input gradient and stores the gradients a full backward stores', () => {
    const x = random(5, 3, 1);
    const gy = random(5, 2, 2);
    const [a0, a1] = [dense(3, 3, 4), dense(4, 4, 2)];
    const [b0, b1] = [dense(3, 3, 4), dense(4, 4, 2)];
    const s0 = spied(b0);
    const s1 = spied(b1);
    const network = new Network([s0.layer, s1.layer], null as never);
    network.forward(x, true);
    network.backward(gy);
    // The oracle: the full chain by hand.
    a1.forward(a0.forward(x, true), true);
    a0.backward(a1.backward(gy));
    expect(s0.calls).toEqual(['backwardParameters']);
    expect(s1.calls).toEqual(['backward']);
    for (const [p, q] of [[a0, b0], [a1, b1]] as const) {
      p.parameters().forEach((param, i) => expect(Array.from(q.parameters()[i].grad.data)).toEqual(Array.from(param.grad.data)));
    }
  });

  it('falls back to backward for a layer that cannot skip its input gradient', () => {
    const calls: string[] = [];
    const layer = { backward: (g: Matrix) => (calls.push('backward'), g) } as unknown as Layer;
    backwardParametersOf(layer, new Matrix(1, 1));
    expect(calls).toEqual(['backward']);
  });
});

import { Matrix, Rng, ShapeError, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu, mathjs } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { expectMatrixClose, randomMatrix } from '../test/support/matrices.js';
import { activation, initialiser, optimiser } from '../test/support/plugins.js';
import { Dense } from './Dense.js';

const activations = ['sigmoid', 'tanh', 'relu', 'identity', 'softmax', 'x / (1 + abs(x))'];

function dense(backend: TensorBackend, act: string, options: { bias?: boolean; seed?: number } = {}): Dense {
  return new Dense(backend, {
    inputSize: 5,
    outputSize: 4,
    activation: activation(backend, act),
    bias: options.bias,
    initialiser: initialiser('glorot-uniform'),
    optimiser: optimiser(backend),
    rng: new Rng(options.seed ?? 1),
  });
}

describe.each(backends)('Dense on $name', (backend) => {
  it.each(activations)('has gradients matching finite differences with %s', (act) => {
    const rng = new Rng(2);
    const layer = dense(backend, act);
    backend.addScaled(layer.bias!, randomMatrix(rng, 1, 4), 0.5, layer.bias!);
    const x = randomMatrix(rng, 6, 5);
    const r = randomMatrix(rng, 6, 4);
    // L = Σ y ⊙ r, so dL/dy = r.
    const objective = () => backend.dot(layer.forward(x, true), r);
    layer.forward(x, true);
    if (act === 'relu' || act.includes('abs')) {
      // Finite differences need every pre-activation away from the kink at 0.
      const z = backend.addRowVector(backend.matmul(x, layer.weights), layer.bias!);
      expect(Math.min(...Array.from(z.data, Math.abs))).toBeGreaterThan(1e-3);
    }
    const dx = layer.backward(r);
    const [weights, bias] = layer.parameters();
    expectGradientMatches({ label: 'weights', analytic: weights.grad, objective, wrt: layer.weights });
    expectGradientMatches({ label: 'bias', analytic: bias.grad, objective, wrt: layer.bias! });
    expectGradientMatches({ label: 'input', analytic: dx, objective, wrt: x });
  });

  it('works without a bias', () => {
    const rng = new Rng(3);
    const layer = dense(backend, 'tanh', { bias: false });
    expect(layer.bias).toBeNull();
    expect(layer.parameters().map((p) => p.name)).toEqual(['weights']);
    const x = randomMatrix(rng, 3, 5);
    const r = randomMatrix(rng, 3, 4);
    const objective = () => backend.dot(layer.forward(x, true), r);
    layer.forward(x, true);
    const dx = layer.backward(r);
    expectGradientMatches({ label: 'weights', analytic: layer.parameters()[0].grad, objective, wrt: layer.weights });
    expectGradientMatches({ label: 'input', analytic: dx, objective, wrt: x });
  });

  it('computes the tutorial layer by hand: out = f(in · W + b)', () => {
    const layer = dense(backend, 'identity');
    layer.weights.data.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    layer.bias!.data.set([0.5, 0, 0, -0.5]);
    const y = layer.forward(Matrix.fromArray([[1, 2, 3, 4, 10]]), false);
    expectMatrixClose(y, [[11.5, 12, 13, 13.5]]);
  });

  it('updates with the optimiser: W −= lr · xᵀ·dz, b −= lr · Σ dz', () => {
    const layer = dense(backend, 'identity');
    const before = layer.weights.clone();
    const x = Matrix.fromArray([[1, 0, 0, 0, 2], [0, 1, 0, 0, 0]]);
    layer.forward(x, true);
    layer.backward(Matrix.fromArray([[1, 0, 0, 0], [0, 0, 0, 3]]));
    layer.update(0.5);
    // xᵀ·dz has 1 at (0,0), 3 at (1,3), 2 at (4,0); Σ dz = [1, 0, 0, 3].
    const expected = before.clone();
    expected.set(0, 0, before.get(0, 0) - 0.5);
    expected.set(1, 3, before.get(1, 3) - 1.5);
    expected.set(4, 0, before.get(4, 0) - 1);
    expectMatrixClose(layer.weights, expected);
    expectMatrixClose(layer.bias!, [[-0.5, 0, 0, -1.5]]);
  });

  it('reuses its buffers for a batch size it has seen, including after a smaller batch', () => {
    const rng = new Rng(4);
    const layer = dense(backend, 'sigmoid');
    const big = layer.forward(randomMatrix(rng, 8, 5), true);
    expect(layer.forward(randomMatrix(rng, 8, 5), true)).toBe(big);
    const small = layer.forward(randomMatrix(rng, 3, 5), true);
    expect(small.rows).toBe(3);
    expect(small.data.buffer).toBe(big.data.buffer);
    const again = layer.forward(randomMatrix(rng, 8, 5), true);
    expect(again.data.buffer).toBe(big.data.buffer);
    expect(layer.output).toBe(again);
  });
});

describe('Dense', () => {
  it('gives the same forward, backward and update on cpu and mathjs (to 1e-12)', () => {
    for (const act of activations) {
      const [a, b] = [dense(cpu, act, { seed: 9 }), dense(mathjs, act, { seed: 9 })];
      const rng = new Rng(10);
      const x = randomMatrix(rng, 7, 5);
      const g = randomMatrix(rng, 7, 4);
      expectMatrixClose(a.forward(x, true), b.forward(x, true));
      expectMatrixClose(a.backward(g), b.backward(g));
      a.update(0.1);
      b.update(0.1);
      expectMatrixClose(a.weights, b.weights);
      expectMatrixClose(a.bias!, b.bias!);
    }
  });

  it('names both shapes when the input or the gradient does not fit', () => {
    const layer = new Dense(cpu, {
      inputSize: 24,
      outputSize: 128,
      activation: activation(cpu, 'sigmoid'),
      initialiser: initialiser('tutorial'),
      optimiser: optimiser(cpu),
      rng: new Rng(1),
    });
    expect(() => layer.backward(new Matrix(10, 128))).toThrow('Dense.backward: called before forward');
    expect(() => layer.forward(new Matrix(10, 23), true)).toThrow(ShapeError);
    expect(() => layer.forward(new Matrix(10, 23), true)).toThrow('Dense.forward: input 10×23 but layer expects 24 columns');
    layer.forward(new Matrix(10, 24), true);
    expect(() => layer.backward(new Matrix(10, 12))).toThrow(
      'Dense.backward: gradient 10×12 but the last output is 10×128',
    );
  });

  it('refuses widths that are not positive integers', () => {
    const base = {
      activation: activation(cpu, 'sigmoid'),
      initialiser: initialiser('zeros'),
      optimiser: optimiser(cpu),
      rng: new Rng(1),
    };
    expect(() => new Dense(cpu, { ...base, inputSize: 0, outputSize: 3 })).toThrow(
      'Dense.inputSize: must be a positive integer, got 0',
    );
    expect(() => new Dense(cpu, { ...base, inputSize: 2, outputSize: 1.5 })).toThrow(
      'Dense.outputSize: must be a positive integer, got 1.5',
    );
  });
});

import { CpuBackend, Matrix, Rng, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { maxAbsDifference, randomMatrix } from '../test/support/matrices.js';
import { activation, initialiser } from '../test/support/plugins.js';
import { ActivationModule } from './ActivationModule.js';
import { BatchNormModule } from './BatchNormModule.js';
import { DenseModule } from './DenseModule.js';
import { Sequential } from './Sequential.js';
import { StepContext } from './StepContext.js';
import { zeroGrad } from './zeroGrad.js';

/** dense(identity, no bias) → batch norm → tanh → dense(sigmoid): the paper's hidden unit and an output layer. */
function network(backend: TensorBackend, seed = 1): Sequential {
  const rng = new Rng(seed);
  const common = { initialiser: initialiser('glorot-uniform'), rng };
  const bn = new BatchNormModule(backend, { size: 6 });
  rng.fillUniform(bn.gamma.value, 0.5, 1.5);
  return new Sequential([
    new DenseModule(backend, { ...common, inputSize: 5, outputSize: 6, activation: activation(backend, 'identity'), bias: false }),
    bn,
    new ActivationModule(activation(backend, 'tanh'), 6),
    new DenseModule(backend, { ...common, inputSize: 6, outputSize: 3, activation: activation(backend, 'sigmoid') }),
  ]);
}

describe.each(backends)('Sequential on $name', (backend) => {
  it('pullback matches finite differences for every parameter and the input', () => {
    const rng = new Rng(61);
    const net = network(backend);
    const x = randomMatrix(rng, 7, 5);
    const r = randomMatrix(rng, 7, 3);
    const objective = () => backend.dot(net.forward(x, StepContext.training).y, r);
    zeroGrad(net.parameters());
    const dx = net.forward(x, StepContext.training).pullback(r)!;
    expect(net.parameters().map((p) => p.name)).toEqual(['weights', 'gamma', 'beta', 'weights', 'bias']);
    for (const p of net.parameters()) expectGradientMatches({ label: p.name, analytic: p.grad, objective, wrt: p.value });
    expectGradientMatches({ label: 'input', analytic: dx, objective, wrt: x });
  });

  it('accumulates over two calls in two slots: grad = the sum', () => {
    const rng = new Rng(62);
    const net = network(backend);
    const slot1 = StepContext.at(1);
    const [x1, x2] = [randomMatrix(rng, 7, 5), randomMatrix(rng, 4, 5)];
    const [r1, r2] = [randomMatrix(rng, 7, 3), randomMatrix(rng, 4, 3)];
    const objective = () => backend.dot(net.forward(x1, StepContext.training).y, r1) + backend.dot(net.forward(x2, slot1).y, r2);
    zeroGrad(net.parameters());
    const first = net.forward(x1, StepContext.training);
    const second = net.forward(x2, slot1);
    first.pullback(r1, { input: false });
    second.pullback(r2, { input: false });
    for (const p of net.parameters()) expectGradientMatches({ label: p.name, analytic: p.grad, objective, wrt: p.value });
  });

  it('with input: false returns null and leaves the same parameter gradients, bit for bit', () => {
    const rng = new Rng(63);
    const [a, b] = [network(backend, 3), network(backend, 3)];
    const x = randomMatrix(rng, 7, 5);
    const dy = randomMatrix(rng, 7, 3);
    expect(a.forward(x, StepContext.training).pullback(dy)).not.toBeNull();
    expect(b.forward(x, StepContext.training).pullback(dy, { input: false })).toBeNull();
    a.parameters().forEach((p, i) => expect(Array.from(b.parameters()[i].grad.data)).toEqual(Array.from(p.grad.data)));
  });

  it('allocates nothing once warm: the same result and buffers on the second step', () => {
    const rng = new Rng(64);
    const net = network(backend);
    const x = randomMatrix(rng, 7, 5);
    const dy = randomMatrix(rng, 7, 3);
    const step = () => {
      zeroGrad(net.parameters());
      const result = net.forward(x, StepContext.training);
      return { result, y: result.y, dx: result.pullback(dy), grads: net.parameters().map((p) => p.grad) };
    };
    const a = step();
    const b = step();
    expect(b.result).toBe(a.result);
    expect(b.y).toBe(a.y);
    expect(b.dx).toBe(a.dx);
    b.grads.forEach((g, i) => expect(g).toBe(a.grads[i]));
  });
});

describe('Sequential', () => {
  it('declares the last module’s output shape, prefixes state by position, refuses an empty list', () => {
    const net = network(cpu);
    expect(net.outputShape).toEqual([3]);
    expect(Object.keys(net.state())).toEqual(['0.weights', '1.gamma', '1.beta', '1.runningMean', '1.runningVariance', '3.weights', '3.bias']);
    expect(() => new Sequential([])).toThrow('Sequential: needs at least one module, got none');
    expect(() => net.forward(new Matrix(2, 4), StepContext.training)).toThrow('Dense.forward: input 2×4 but layer expects 5 columns');
  });
});

describe('Sequential on a float32 backend', () => {
  it('keeps float32 gradients and accumulates them to float64’s within float32 rounding', () => {
    const float32 = new CpuBackend({ dtype: 'float32' });
    const [net32, net64] = [network(float32), network(cpu)];
    // Both start from the same weights (float32 values, so the float64 copy holds them exactly).
    net32.parameters().forEach((p, i) => net64.parameters()[i].value.data.set(p.value.data));
    const rng = new Rng(65);
    const slot1 = StepContext.at(1);
    const [x1, x2, r1, r2] = [randomMatrix(rng, 7, 5), randomMatrix(rng, 4, 5), randomMatrix(rng, 7, 3), randomMatrix(rng, 4, 3)];
    for (const net of [net32, net64]) {
      zeroGrad(net.parameters());
      const first = net.forward(x1, StepContext.training);
      const second = net.forward(x2, slot1);
      second.pullback(r2, { input: false });
      first.pullback(r1, { input: false });
    }
    net32.parameters().forEach((p, i) => {
      expect(p.grad.dtype).toBe('float32');
      const reference = net64.parameters()[i].grad;
      const scale = Math.max(...Array.from(reference.data, Math.abs));
      expect(maxAbsDifference(p.grad, reference) / scale, p.name).toBeLessThan(1e-5);
    });
  });
});

import { Matrix, Rng, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { randomMatrix } from '../test/support/matrices.js';
import { optimiser } from '../test/support/plugins.js';
import { BatchNorm } from './BatchNorm.js';
import { BatchNormModule } from './BatchNormModule.js';
import { StepContext } from './StepContext.js';
import { zeroGrad } from './zeroGrad.js';

/** γ and β away from their 1 and 0, so that a gradient through them is not a special case. */
function batchNorm(backend: TensorBackend, rng: Rng): BatchNormModule {
  const bn = new BatchNormModule(backend, { size: 4 });
  rng.fillUniform(bn.gamma.value, 0.5, 1.5);
  rng.fillUniform(bn.beta.value, -0.5, 0.5);
  return bn;
}

describe.each(backends)('BatchNormModule on $name', (backend) => {
  it.each([
    ['training', StepContext.training],
    ['evaluation', StepContext.evaluation],
  ] as const)('pullback matches finite differences in %s mode', (_mode, ctx) => {
    const rng = new Rng(21);
    const bn = batchNorm(backend, rng);
    rng.fillUniform(bn.runningMean, -1, 1);
    rng.fillUniform(bn.runningVariance, 0.5, 2);
    const x = randomMatrix(rng, 6, 4, 2);
    const r = randomMatrix(rng, 6, 4);
    const objective = () => backend.dot(bn.forward(x, ctx).y, r);
    zeroGrad(bn.parameters());
    const dx = bn.forward(x, ctx).pullback(r)!;
    expectGradientMatches({ label: 'gamma', analytic: bn.gamma.grad, objective, wrt: bn.gamma.value });
    expectGradientMatches({ label: 'beta', analytic: bn.beta.grad, objective, wrt: bn.beta.value });
    expectGradientMatches({ label: 'input', analytic: dx, objective, wrt: x });
  });

  it('accumulates over two calls in two slots (training mode): grad = the sum, each dx its own', () => {
    const rng = new Rng(22);
    const bn = batchNorm(backend, rng);
    const slot1 = StepContext.at(1);
    const [x1, x2] = [randomMatrix(rng, 6, 4, 2), randomMatrix(rng, 5, 4)];
    const [r1, r2] = [randomMatrix(rng, 6, 4), randomMatrix(rng, 5, 4)];
    const objective = () => backend.dot(bn.forward(x1, StepContext.training).y, r1) + backend.dot(bn.forward(x2, slot1).y, r2);
    bn.forward(x2, StepContext.training).pullback(r2); // a stale gradient that zeroGrad must discard
    zeroGrad(bn.parameters());
    const first = bn.forward(x1, StepContext.training);
    const second = bn.forward(x2, slot1);
    const dx2 = second.pullback(r2)!.clone();
    const dx1 = first.pullback(r1)!.clone(); // accumulates: its dx must use its own sums only
    expectGradientMatches({ label: 'gamma', analytic: bn.gamma.grad, objective, wrt: bn.gamma.value });
    expectGradientMatches({ label: 'beta', analytic: bn.beta.grad, objective, wrt: bn.beta.value });
    expectGradientMatches({ label: 'input 1', analytic: dx1, objective, wrt: x1 });
    expectGradientMatches({ label: 'input 2', analytic: dx2, objective, wrt: x2 });
  });

  it('with input: false returns null and leaves the same parameter gradients, bit for bit', () => {
    const [a, b] = [batchNorm(backend, new Rng(23)), batchNorm(backend, new Rng(23))];
    const rng = new Rng(24);
    const x = randomMatrix(rng, 5, 4);
    const dy = randomMatrix(rng, 5, 4);
    expect(a.forward(x, StepContext.training).pullback(dy)).not.toBeNull();
    expect(b.forward(x, StepContext.training).pullback(dy, { input: false })).toBeNull();
    a.parameters().forEach((p, i) => expect(Array.from(b.parameters()[i].grad.data)).toEqual(Array.from(p.grad.data)));
  });

  it('equals the BatchNorm layer bit for bit: forward, backward, gradients, update, statistics', () => {
    const rng = new Rng(25);
    const module = new BatchNormModule(backend, { size: 4, momentum: 0.8 });
    const layer = new BatchNorm(backend, { size: 4, momentum: 0.8, optimiser: optimiser(backend) });
    for (const training of [true, true, false]) {
      const x = randomMatrix(rng, 6, 4);
      const dy = randomMatrix(rng, 6, 4);
      const result = module.forward(x, training ? StepContext.training : StepContext.evaluation);
      expect(Array.from(layer.forward(x, training).data)).toEqual(Array.from(result.y.data));
      zeroGrad(module.parameters());
      expect(Array.from(layer.backward(dy).data)).toEqual(Array.from(result.pullback(dy)!.data));
      module.parameters().forEach((p, i) => expect(Array.from(layer.parameters()[i].grad.data)).toEqual(Array.from(p.grad.data)));
      layer.update(0.1);
      for (const p of module.parameters()) backend.addScaled(p.value, p.grad, -0.1, p.value);
      for (const [name, m] of Object.entries(module.state())) expect(Array.from(layer.state()[name].data), name).toEqual(Array.from(m.data));
    }
  });

  it('allocates nothing once warm: the same result and buffers on the second step', () => {
    const rng = new Rng(26);
    const bn = batchNorm(backend, rng);
    const x = randomMatrix(rng, 8, 4);
    const dy = randomMatrix(rng, 8, 4);
    const step = () => {
      zeroGrad(bn.parameters());
      const result = bn.forward(x, StepContext.training);
      result.pullback(dy);
      return { result, y: result.y, dx: result.pullback(dy) };
    };
    const a = step();
    const b = step();
    expect(b.result).toBe(a.result);
    expect(b.y).toBe(a.y);
    expect(b.dx).toBe(a.dx);
  });
});

describe('BatchNormModule', () => {
  it('declares its output shape and names a gradient that does not fit', () => {
    const bn = new BatchNormModule(cpu, { size: 3 });
    expect(bn.outputShape).toEqual([3]);
    const result = bn.forward(Matrix.fromArray([[1, 2, 3], [2, 2, 0]]), StepContext.training);
    expect(() => result.pullback(new Matrix(2, 4))).toThrow('BatchNorm.pullback: gradient 2×4 but the output is 2×3');
  });
});

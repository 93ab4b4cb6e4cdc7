import { Matrix, Rng, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu, mathjs } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { expectMatrixClose, randomMatrix } from '../test/support/matrices.js';
import { optimiser } from '../test/support/plugins.js';
import { BatchNorm } from './BatchNorm.js';

function batchNorm(backend: TensorBackend, size = 3, seed = 5): BatchNorm {
  const bn = new BatchNorm(backend, { size, optimiser: optimiser(backend) });
  // γ = 1, β = 0 would hide mistakes that swap or drop them.
  const rng = new Rng(seed);
  bn.gamma.copyFrom(backend.addScaled(Matrix.ones(1, size), randomMatrix(rng, 1, size), 0.5));
  bn.beta.copyFrom(randomMatrix(rng, 1, size));
  return bn;
}

describe.each(backends)('BatchNorm on $name', (backend) => {
  it.each([true, false])('has gradients matching finite differences (training %s)', (training) => {
    const rng = new Rng(6);
    const bn = batchNorm(backend);
    const x = backend.addRowVector(randomMatrix(rng, 5, 3, 2), Matrix.rowVector([1, -3, 0.5]));
    if (!training) {
      for (let i = 0; i < 4; i++) bn.forward(randomMatrix(rng, 5, 3, 2), true);
    }
    const r = randomMatrix(rng, 5, 3);
    const objective = () => backend.dot(bn.forward(x, training), r);
    bn.forward(x, training);
    const dx = bn.backward(r);
    const [gamma, beta] = bn.parameters();
    expectGradientMatches({ label: 'input', analytic: dx, objective, wrt: x });
    expectGradientMatches({ label: 'gamma', analytic: gamma.grad, objective, wrt: bn.gamma });
    expectGradientMatches({ label: 'beta', analytic: beta.grad, objective, wrt: bn.beta });
  });

  it('normalises with batch statistics and updates the running ones (by hand)', () => {
    const bn = new BatchNorm(backend, { size: 2, optimiser: optimiser(backend) });
    const x = Matrix.fromArray([[1, 2], [3, 6]]);
    // Column means 2 and 4, population variances 1 and 4 (unbiased 2 and 8).
    const y = bn.forward(x, true);
    const a = 1 / Math.sqrt(1 + 1e-5);
    const b = 2 / Math.sqrt(4 + 1e-5);
    expectMatrixClose(y, [[-a, -b], [a, b]]);
    expectMatrixClose(bn.runningMean, [[0.2, 0.4]]);
    expectMatrixClose(bn.runningVariance, [[0.9 + 0.2, 0.9 + 0.8]]);
    const e = bn.forward(Matrix.fromArray([[1.2, 0.4]]), false);
    expectMatrixClose(e, [[1 / Math.sqrt(1.1 + 1e-5), 0]]);
    // Evaluation mode leaves the running statistics alone.
    expectMatrixClose(bn.runningMean, [[0.2, 0.4]]);
    expectMatrixClose(bn.runningVariance, [[1.1, 1.7]]);
  });

  it('gives columns of mean β and standard deviation |γ| in training mode', () => {
    const rng = new Rng(7);
    const bn = batchNorm(backend, 4);
    const y = bn.forward(backend.scale(randomMatrix(rng, 50, 4), 10), true);
    const mean = backend.meanColumns(y);
    const std = backend.varianceColumns(y).data.map(Math.sqrt);
    expectMatrixClose(mean, bn.beta, 1e-12);
    for (let c = 0; c < 4; c++) expect(std[c]).toBeCloseTo(Math.abs(bn.gamma.get(0, c)), 5);
  });
});

describe('BatchNorm', () => {
  it('gives the same results on cpu and mathjs (to 1e-12)', () => {
    const [a, b] = [batchNorm(cpu, 4, 8), batchNorm(mathjs, 4, 8)];
    const rng = new Rng(9);
    for (const training of [true, true, false]) {
      const x = randomMatrix(rng, 6, 4, 3);
      const g = randomMatrix(rng, 6, 4);
      expectMatrixClose(a.forward(x, training), b.forward(x, training));
      expectMatrixClose(a.backward(g), b.backward(g));
      a.update(0.1);
      b.update(0.1);
      expectMatrixClose(a.gamma, b.gamma);
      expectMatrixClose(a.beta, b.beta);
      expectMatrixClose(a.runningVariance, b.runningVariance);
    }
  });

  it('explains misuse', () => {
    const bn = new BatchNorm(cpu, { size: 3, optimiser: optimiser(cpu) });
    expect(() => bn.backward(new Matrix(2, 3))).toThrow('BatchNorm.backward: called before forward');
    expect(() => bn.forward(new Matrix(2, 4), true)).toThrow('BatchNorm.forward: input 2×4 but layer expects 3 columns');
    bn.forward(new Matrix(2, 3), true);
    expect(() => bn.backward(new Matrix(3, 3))).toThrow('BatchNorm.backward: gradient 3×3 but the last output is 2×3');
    expect(() => new BatchNorm(cpu, { size: 3, momentum: 1.5, optimiser: optimiser(cpu) })).toThrow(
      'BatchNorm.momentum: must be in [0, 1], got 1.5',
    );
  });
});

describe('BatchNorm running statistics', () => {
  it('leaves them alone for a one-row training batch, and refuses epsilon 0', () => {
    const bn = new BatchNorm(cpu, { size: 2, optimiser: optimiser(cpu) });
    bn.forward(Matrix.fromArray([[1, 2], [3, 6]]), true);
    const mean = bn.runningMean.clone();
    const variance = bn.runningVariance.clone();
    // oracle by hand: momentum 0.9 from mean 0 / variance 1, batch mean (2, 4), unbiased variance (2, 8)
    expect(mean.toArray()[0][0]).toBeCloseTo(0.2, 12);
    expect(variance.toArray()[0][1]).toBeCloseTo(0.9 + 0.1 * 8, 12);
    bn.forward(Matrix.fromArray([[5, 5]]), true);
    expect(bn.runningMean.toArray()).toEqual(mean.toArray());
    expect(bn.runningVariance.toArray()).toEqual(variance.toArray());
    expect(() => new BatchNorm(cpu, { size: 2, epsilon: 0, optimiser: optimiser(cpu) })).toThrow(
      'BatchNorm.epsilon: must be positive, got 0',
    );
  });
});

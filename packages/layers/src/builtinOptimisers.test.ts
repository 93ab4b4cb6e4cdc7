import { ConfigError } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu } from '../test/support/backends.js';
import { expectMatrixClose } from '../test/support/matrices.js';
import { optimiser } from '../test/support/plugins.js';

const grads = [[0.5, -1], [-0.25, 2], [1, 0]].map((g) => Matrix.rowVector(g));

/** The parameter after each of three steps from [1, −2] with learning rate 0.1. */
function run(name: string, backend = cpu, options?: Record<string, unknown>): number[][] {
  const p = Matrix.rowVector([1, -2]);
  const updater = optimiser(backend, name, options).attach(p);
  return grads.map((g) => {
    updater.step(g, 0.1);
    return Array.from(p.data);
  });
}

describe.each(backends)('built-in optimisers on $name', (backend) => {
  it('sgd: p −= lr·g', () => {
    const steps = run('sgd', backend);
    expectMatrixClose(Matrix.fromArray(steps), [[0.95, -1.9], [0.975, -2.1], [0.875, -2.1]], 1e-15);
  });

  it('momentum: v = 0.9 v + g; p −= lr·v', () => {
    // v: [0.5, −1], [0.2, 1.1], [1.18, 0.99]
    const steps = run('momentum', backend);
    expectMatrixClose(Matrix.fromArray(steps), [[0.95, -1.9], [0.93, -2.01], [0.812, -2.109]], 1e-15);
  });

  it('momentum with μ = 0.5', () => {
    // v: [0.5, −1], [0, 1.5], [1, 0.75]
    const steps = run('momentum', backend, { momentum: 0.5 });
    expectMatrixClose(Matrix.fromArray(steps), [[0.95, -1.9], [0.95, -2.05], [0.85, -2.125]], 1e-15);
  });

  it('adam: bias-corrected moments', () => {
    // Step 1: m̂ = g, v̂ = g², so p moves by lr·g/(|g| + ε). Steps 2 and 3 from the
    // formulas in plain Python floats (m = 0.9m + 0.1g, v = 0.999v + 0.001g², …).
    const steps = run('adam', backend);
    expectMatrixClose(
      Matrix.fromArray(steps),
      [
        [0.900000002, -1.900000001],
        [0.8733662987078463, -1.9366103534720749],
        [0.8075551396770898, -1.9649102620009304],
      ],
      1e-14,
    );
  });
});

describe.each(backends)('rmsprop on $name', (backend) => {
  it('rmsprop: v = 0.9v + 0.1g²; p −= lr·g/(√v + ε)', () => {
    // From the formulas in plain Python floats (the first step moves each entry by lr·sign(g)/√0.1).
    const steps = run('rmsprop', backend);
    expectMatrixClose(
      Matrix.fromArray(steps),
      [
        [0.6837722539831608, -1.6837722439831617],
        [0.8312142014424062, -1.9694865256158147],
        [0.5493562793036684, -1.9694865256158147],
      ],
      1e-14,
    );
  });
});

describe('optimiser options', () => {
  it('refuses unknown keys, naming the known ones', () => {
    expect(() => optimiser(cpu, 'adam', { beta3: 0.5 })).toThrow(ConfigError);
    expect(() => optimiser(cpu, 'adam', { beta3: 0.5 })).toThrow(
      'adam.options: unknown option "beta3"; known: "beta1", "beta2", "epsilon"',
    );
    expect(() => optimiser(cpu, 'sgd', { momentum: 0.9 })).toThrow('sgd.options: unknown option "momentum"; it takes no options');
  });

  it('refuses values out of range', () => {
    expect(() => optimiser(cpu, 'momentum', { momentum: 1 })).toThrow('momentum.options.momentum: must be in [0, 1), got 1');
    expect(() => optimiser(cpu, 'adam', { beta2: '0.9' })).toThrow('adam.options.beta2: expected a finite number, got "0.9"');
    expect(() => optimiser(cpu, 'adam', { epsilon: 0 })).toThrow('adam.options.epsilon: must be positive, got 0');
  });

  it('refuses a gradient of another shape', () => {
    const updater = optimiser(cpu, 'adam').attach(new Matrix(4, 3));
    expect(() => updater.step(new Matrix(3, 4), 0.1)).toThrow('adam.step: gradient 3×4 but parameter 4×3');
  });

  it('keeps separate state per attached parameter', () => {
    const adam = optimiser(cpu, 'adam');
    const [a, b] = [Matrix.rowVector([1]), Matrix.rowVector([1])];
    const [ua, ub] = [adam.attach(a), adam.attach(b)];
    ua.step(Matrix.rowVector([1]), 0.1);
    ua.step(Matrix.rowVector([1]), 0.1);
    ub.step(Matrix.rowVector([1]), 0.1);
    expect(a.get(0, 0)).toBeCloseTo(0.8, 7);
    expect(b.get(0, 0)).toBeCloseTo(0.9, 7);
  });
});

import { Matrix, Rng, ShapeError, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu, mathjs } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { expectMatrixClose, randomMatrix } from '../test/support/matrices.js';
import { initialiser, optimiser } from '../test/support/plugins.js';
import { SyntheticGradientGenerator, type SyntheticGradientGeneratorOptions } from './SyntheticGradientGenerator.js';

function generator(
  backend: TensorBackend,
  options: Partial<SyntheticGradientGeneratorOptions> = {},
  seed = 11,
): SyntheticGradientGenerator {
  return new SyntheticGradientGenerator(backend, {
    inputSize: 4,
    outputSize: 3,
    initialiser: initialiser('glorot-uniform'),
    optimiser: optimiser(backend),
    rng: new Rng(seed),
    ...options,
  });
}

describe.each(backends)('SyntheticGradientGenerator on $name', (backend) => {
  it.each([[[]], [[5]], [[5, 6]]])('has gradients of Σ½|ĝ − target|² matching finite differences (hidden %j)', (hiddenSizes) => {
    const rng = new Rng(12);
    const gen = generator(backend, { hiddenSizes, zeroInitLastLayer: false });
    const output = gen.parameters().find((p) => p.name === 'output.bias')!;
    output.value.copyFrom(randomMatrix(rng, 1, 3));
    const features = randomMatrix(rng, 8, 4);
    const target = randomMatrix(rng, 8, 3);
    const objective = () => {
      const d = backend.sub(gen.predict(features, true), target);
      return 0.5 * backend.dot(d, d);
    };
    gen.predict(features, true);
    // A step of size 0 leaves the parameters where they are and the gradients of this batch in place.
    gen.update(target, 0);
    expect(gen.parameters().length).toBe(2 + 3 * hiddenSizes.length);
    for (const parameter of gen.parameters()) {
      expectGradientMatches({ label: parameter.name, analytic: parameter.grad, objective, wrt: parameter.value });
    }
  });

  it.each([[[]], [[5]]])('with loss "mean" has gradients of (1/B)·Σ½|ĝ − target|² matching finite differences (hidden %j)', (hiddenSizes) => {
    const rng = new Rng(14);
    const gen = generator(backend, { hiddenSizes, zeroInitLastLayer: false, loss: 'mean' });
    const features = randomMatrix(rng, 8, 4);
    const target = randomMatrix(rng, 8, 3);
    const objective = () => {
      const d = backend.sub(gen.predict(features, true), target);
      return (0.5 * backend.dot(d, d)) / 8;
    };
    gen.predict(features, true);
    gen.update(target, 0);
    for (const parameter of gen.parameters()) {
      expectGradientMatches({ label: parameter.name, analytic: parameter.grad, objective, wrt: parameter.value });
    }
  });

  it('with loss "mean" and rate r steps as "sum" with rate r / batch, step for step', () => {
    const rng = new Rng(15);
    const batch = 6;
    const mean = generator(backend, { hiddenSizes: [5], zeroInitLastLayer: false, loss: 'mean' });
    const sum = generator(backend, { hiddenSizes: [5], zeroInitLastLayer: false });
    for (let step = 0; step < 5; step++) {
      const features = randomMatrix(rng, batch, 4);
      const target = randomMatrix(rng, batch, 3);
      mean.predict(features, true);
      sum.predict(features, true);
      expect(mean.update(target, 0.05)).toBeCloseTo(sum.update(target, 0.05 / batch), 12);
      const [pm, ps] = [mean.parameters(), sum.parameters()];
      pm.forEach((p, i) => expectMatrixClose(p.value, ps[i].value, 1e-12));
    }
  });

  it('refuses an unknown loss, naming the known ones', () => {
    expect(() => generator(backend, { loss: 'max' as 'sum' })).toThrow(/loss: expected "sum" or "mean", got "max"/);
  });

  it('predicts zeros at first (zero-initialised last layer) and returns the mean loss', () => {
    const gen = generator(backend, { hiddenSizes: [5] });
    const prediction = gen.predict(Matrix.fromArray([[1, 2, 3, 4], [0, 1, 0, 1]]), true);
    expectMatrixClose(prediction, [[0, 0, 0], [0, 0, 0]]);
    // ½ (1 + 4 + 0) for the first row, ½ (0 + 0 + 9) for the second, averaged.
    const loss = gen.update(Matrix.fromArray([[1, -2, 0], [0, 0, 3]]), 0.1);
    expect(loss).toBeCloseTo((2.5 + 4.5) / 2, 14);
  });

  it('learns a linear map from features to gradients', () => {
    const rng = new Rng(13);
    const gen = generator(backend, { optimiser: optimiser(backend, 'adam') });
    const map = randomMatrix(rng, 4, 3);
    let first = 0;
    let last = 0;
    for (let step = 0; step < 300; step++) {
      const features = randomMatrix(rng, 16, 4);
      gen.predict(features, true);
      last = gen.update(backend.matmul(features, map), 0.05);
      if (step === 0) first = last;
    }
    expect(last).toBeLessThan(first * 1e-3);
  });
});

describe('SyntheticGradientGenerator', () => {
  it('names its parameters by position', () => {
    const gen = generator(cpu, { hiddenSizes: [5, 6] });
    expect(gen.parameters().map((p) => `${p.name} ${p.value.shape}`)).toEqual([
      'hidden0.weights 4×5',
      'hidden0.gamma 1×5',
      'hidden0.beta 1×5',
      'hidden1.weights 5×6',
      'hidden1.gamma 1×6',
      'hidden1.beta 1×6',
      'output.weights 6×3',
      'output.bias 1×3',
    ]);
    expect(generator(cpu, { bias: false }).parameters().map((p) => p.name)).toEqual(['output.weights']);
  });

  it('gives the same predictions and updates on cpu and mathjs (to 1e-12)', () => {
    const options = { hiddenSizes: [5], zeroInitLastLayer: false };
    const [a, b] = [generator(cpu, options, 14), generator(mathjs, options, 14)];
    const rng = new Rng(15);
    for (let step = 0; step < 3; step++) {
      const features = randomMatrix(rng, 6, 4);
      const target = randomMatrix(rng, 6, 3);
      expectMatrixClose(a.predict(features, true), b.predict(features, true));
      expect(Math.abs(a.update(target, 0.1) - b.update(target, 0.1))).toBeLessThanOrEqual(1e-12);
    }
    a.parameters().forEach((p, i) => expectMatrixClose(p.value, b.parameters()[i].value));
    const features = randomMatrix(rng, 2, 4);
    expectMatrixClose(a.predict(features, false), b.predict(features, false));
  });

  it('explains misuse', () => {
    const gen = generator(cpu);
    expect(() => gen.update(new Matrix(2, 3), 0.1)).toThrow('SyntheticGradientGenerator.update: called before predict');
    expect(() => gen.predict(new Matrix(2, 5), true)).toThrow(ShapeError);
    expect(() => gen.predict(new Matrix(2, 5), true)).toThrow(
      'SyntheticGradientGenerator.predict: features 2×5 but generator expects 4 columns',
    );
    gen.predict(new Matrix(2, 4), true);
    expect(() => gen.update(new Matrix(2, 4), 0.1)).toThrow(
      'SyntheticGradientGenerator.update: target 2×4 but the last prediction is 2×3',
    );
    expect(() => generator(cpu, { hiddenSizes: [3, 0] })).toThrow(
      'SyntheticGradientGenerator.hiddenSizes[1]: must be a positive integer, got 0',
    );
  });
});

import { Matrix, Rng, type TensorBackend } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends, cpu } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { expectMatrixClose, maxAbsDifference, randomMatrix } from '../test/support/matrices.js';
import { initialiser, optimiser } from '../test/support/plugins.js';
import { SyntheticGradientGenerator, type SyntheticGradientGeneratorOptions } from './SyntheticGradientGenerator.js';

function nlms(backend: TensorBackend, options: Partial<SyntheticGradientGeneratorOptions> = {}): SyntheticGradientGenerator {
  return new SyntheticGradientGenerator(backend, {
    inputSize: 4,
    outputSize: 3,
    initialiser: initialiser('glorot-uniform'),
    optimiser: optimiser(backend),
    rng: new Rng(21),
    zeroInitLastLayer: false,
    step: 'nlms',
    ...options,
  });
}

/** Plain arrays, for steps computed by hand. */
const rowsOf = (m: Matrix): number[][] => Array.from({ length: m.rows }, (_, r) => Array.from(m.data.subarray(r * m.cols, (r + 1) * m.cols)));

describe.each(backends)('SyntheticGradientGenerator step "nlms" on $name', (backend) => {
  it.each([
    ['sum', true],
    ['mean', true],
    ['sum', false],
  ] as const)('a linear generator steps W −= μ Σ_b φ_bᵀ e_b / (ε + ‖φ_b‖² + bias), computed by hand (loss %s, bias %s)', (loss, bias) => {
    const rng = new Rng(22);
    const [batch, mu, epsilon] = [5, 0.3, 0.25];
    const gen = nlms(backend, { loss, bias, nlmsEpsilon: epsilon });
    const [w, b] = gen.parameters().map((p) => rowsOf(p.value));
    const features = randomMatrix(rng, batch, 4, 2);
    const target = randomMatrix(rng, batch, 3);
    const phi = rowsOf(features);
    const g = rowsOf(target);
    gen.predict(features, true);
    gen.update(target, mu);

    const expectedW = w.map((row) => row.slice());
    const expectedB = b?.[0].slice();
    for (let k = 0; k < batch; k++) {
      const prediction = [0, 1, 2].map((j) => phi[k].reduce((s, x, i) => s + x * w[i][j], bias ? b[0][j] : 0));
      const error = prediction.map((p, j) => p - g[k][j]);
      const norm = epsilon + phi[k].reduce((s, x) => s + x * x, 0) + (bias ? 1 : 0);
      const factor = mu / norm / (loss === 'mean' ? batch : 1);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 3; j++) expectedW[i][j] -= factor * phi[k][i] * error[j];
      if (bias) for (let j = 0; j < 3; j++) expectedB![j] -= factor * error[j];
    }
    const after = gen.parameters().map((p) => p.value);
    expect(after.length).toBe(bias ? 2 : 1);
    expectMatrixClose(after[0], expectedW, 1e-12);
    if (bias) expectMatrixClose(after[1], [expectedB!], 1e-12);
  });

  it('with μ = 1 and ε = 0 fits a single example exactly (the a-posteriori error of NLMS is (1 − μ)·e)', () => {
    const rng = new Rng(23);
    for (const mu of [1, 0.4]) {
      const gen = nlms(backend, { nlmsEpsilon: 0 });
      const features = randomMatrix(rng, 1, 4, 3);
      const target = randomMatrix(rng, 1, 3);
      const before = backend.sub(gen.predict(features, true).clone(), target);
      gen.update(target, mu);
      const after = backend.sub(gen.predict(features, true), target);
      expectMatrixClose(after, backend.scale(before, 1 - mu), 1e-12);
      expect(Math.abs(before.data[0])).toBeGreaterThan(0.01);
    }
  });

  it.each([[[5]], [[5, 6]]])(
    'with hidden layers has gradients of Σ_b c_b·½|ĝ_b − g_b|², c_b = 1 / (ε + ‖φ_b‖² + 1), matching finite differences (hidden %j)',
    (hiddenSizes) => {
      const rng = new Rng(24);
      const epsilon = 0.5;
      const gen = nlms(backend, { hiddenSizes, nlmsEpsilon: epsilon });
      const features = randomMatrix(rng, 8, 4);
      const target = randomMatrix(rng, 8, 3);
      // φ: what the last layer reads, with the weights the gradient is taken at
      let phi = features;
      for (const layer of gen.layers.slice(0, -1)) phi = layer.forward(phi, true);
      const weights = rowsOf(phi).map((row) => 1 / (epsilon + row.reduce((s, x) => s + x * x, 0) + 1));
      const objective = () => {
        const d = rowsOf(backend.sub(gen.predict(features, true), target));
        return d.reduce((s, row, k) => s + 0.5 * weights[k] * row.reduce((t, x) => t + x * x, 0), 0);
      };
      gen.predict(features, true);
      gen.update(target, 0);
      for (const parameter of gen.parameters()) {
        expectGradientMatches({ label: parameter.name, analytic: parameter.grad, objective, wrt: parameter.value });
      }
    },
  );
});

describe('SyntheticGradientGenerator step option', () => {
  it('refuses an unknown step and a bad ε, naming the known ones', () => {
    expect(() => nlms(cpu, { step: 'lms' as 'nlms' })).toThrow(/step: expected "gradient" or "nlms", got "lms"/);
    expect(() => nlms(cpu, { nlmsEpsilon: -1 })).toThrow(/nlmsEpsilon: expected a finite number ≥ 0, got -1/);
  });

  it('"gradient" is the default step', () => {
    const rng = new Rng(25);
    const [a, b] = [nlms(cpu, { step: 'gradient' }), nlms(cpu)];
    const plain = new SyntheticGradientGenerator(cpu, {
      inputSize: 4,
      outputSize: 3,
      initialiser: initialiser('glorot-uniform'),
      optimiser: optimiser(cpu),
      rng: new Rng(21),
      zeroInitLastLayer: false,
    });
    const features = randomMatrix(rng, 4, 4, 2);
    const target = randomMatrix(rng, 4, 3);
    for (const gen of [a, b, plain]) {
      gen.predict(features, true);
      gen.update(target, 0.1);
    }
    plain.parameters().forEach((p, i) => expectMatrixClose(a.parameters()[i].value, p.value, 0));
    // and "nlms" is another step: the comparison above can fail
    expect(maxAbsDifference(b.parameters()[0].value, plain.parameters()[0].value)).toBeGreaterThan(1e-3);
  });
});

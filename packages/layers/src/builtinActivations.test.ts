import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { expectMatrixClose, randomMatrix } from '../test/support/matrices.js';
import { activation } from '../test/support/plugins.js';
import { builtinActivations } from './builtinActivations.js';

describe.each(backends)('built-in activations on $name', (backend) => {
  it('are sigmoid, tanh, relu, identity and softmax', () => {
    expect(builtinActivations.map((p) => p.name)).toEqual(['sigmoid', 'tanh', 'relu', 'identity', 'softmax']);
  });

  it('compute known values', () => {
    const z = Matrix.fromArray([[0, Math.log(3), -1]]);
    expectMatrixClose(activation(backend, 'sigmoid').forward(z), [[0.5, 0.75, 1 / (1 + Math.E)]], 1e-15);
    expectMatrixClose(activation(backend, 'tanh').forward(z), [[0, 0.8, -Math.tanh(1)]], 1e-15);
    expectMatrixClose(activation(backend, 'relu').forward(z), [[0, Math.log(3), 0]]);
    expectMatrixClose(activation(backend, 'identity').forward(z), z);
    // softmax([0, ln 3, -1]) = [1, 3, 1/e] / (4 + 1/e)
    const s = 4 + 1 / Math.E;
    expectMatrixClose(activation(backend, 'softmax').forward(z), [[1 / s, 3 / s, 1 / Math.E / s]], 1e-15);
  });

  it.each(['sigmoid', 'tanh', 'relu', 'identity', 'softmax'])('%s: backward matches finite differences', (name) => {
    const rng = new Rng(21);
    const f = activation(backend, name);
    const z = randomMatrix(rng, 4, 3, 2);
    const r = randomMatrix(rng, 4, 3);
    const objective = () => backend.dot(f.forward(z), r);
    const dz = f.backward(r, z, f.forward(z));
    expectGradientMatches({ label: name, analytic: dz, objective, wrt: z });
  });

  it('writes into out buffers, also when out is an operand', () => {
    const z = Matrix.fromArray([[1, 2], [-3, 4]]);
    for (const name of ['sigmoid', 'identity', 'softmax']) {
      const f = activation(backend, name);
      const expected = f.forward(z);
      const out = z.clone();
      expect(f.forward(out, out)).toBe(out);
      expectMatrixClose(out, expected);
      const g = Matrix.fromArray([[1, -1], [0.5, 2]]);
      const dz = f.backward(g, z, expected);
      expect(f.backward(g, z, expected, g)).toBe(g);
      expectMatrixClose(g, dz);
    }
  });
});

describe('softmax', () => {
  it('stays finite for large logits (subtracting the row maximum)', () => {
    const [cpu] = backends;
    const y = activation(cpu, 'softmax').forward(Matrix.fromArray([[1000, 1001], [-1000, -1000]]));
    expectMatrixClose(y, [[1 / (1 + Math.E), Math.E / (1 + Math.E)], [0.5, 0.5]], 1e-15);
  });
});

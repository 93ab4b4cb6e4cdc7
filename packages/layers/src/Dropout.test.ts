import { Matrix, Rng, ShapeError } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { backends } from '../test/support/backends.js';
import { expectGradientMatches } from '../test/support/gradientCheck.js';
import { randomMatrix } from '../test/support/matrices.js';
import { Dropout } from './Dropout.js';

describe.each(backends)('Dropout on $name', (backend) => {
  it('zeroes the units whose uniform draw is below the rate and scales the rest by 1/(1 − rate), row-major', () => {
    const x = Matrix.fromRows([
      [1, -2, 3, 0.5],
      [4, 5, -6, 2],
      [0.25, 8, 9, -1],
    ]);
    const layer = new Dropout(backend, { size: 4, rate: 0.25, rng: new Rng(7) });
    const y = layer.forward(x, true);
    // The oracle: the same seed drawn by hand, one uniform per unit in row-major order.
    const draws = new Rng(7);
    const keep = 1 / (1 - 0.25);
    let dropped = 0;
    for (let i = 0; i < 12; i++) {
      const kept = draws.uniform() >= 0.25;
      if (!kept) dropped++;
      expect(y.data[i]).toBe(kept ? x.data[i] * keep : x.data[i] * 0);
    }
    expect(dropped).toBeGreaterThan(0);
    expect(dropped).toBeLessThan(12);
    // The next forward draws the next masks of the stream.
    const again = layer.forward(x, true);
    for (let i = 0; i < 12; i++) expect(again.data[i]).toBe(draws.uniform() >= 0.25 ? x.data[i] * keep : x.data[i] * 0);
  });

  it('keeps the expected value: the mean of many outputs of ones is 1 within 3 standard errors', () => {
    const rate = 0.4;
    const layer = new Dropout(backend, { size: 50, rate, rng: new Rng(3) });
    const y = layer.forward(Matrix.filled(200, 50, 1), true);
    let total = 0;
    for (const v of y.data) total += v;
    const mean = total / y.size;
    // Each output is 1/(1 − rate) with probability 1 − rate: variance rate/(1 − rate).
    const standardError = Math.sqrt(rate / (1 - rate) / y.size);
    expect(Math.abs(mean - 1)).toBeLessThan(3 * standardError);
  });

  it('has an input gradient matching finite differences under a fixed mask', () => {
    const rng = new Rng(11);
    const layer = new Dropout(backend, { size: 5, rate: 0.5, rng: new Rng(4) });
    const x = randomMatrix(rng, 6, 5);
    const r = randomMatrix(rng, 6, 5);
    // Loading a saved stream position replays the same mask: restore it before every forward.
    const start = layer.state().rng.clone();
    const objective = () => {
      layer.state().rng.data.set(start.data);
      return backend.dot(layer.forward(x, true), r);
    };
    objective();
    const dx = layer.backward(r);
    expectGradientMatches({ label: 'input', analytic: dx, objective, wrt: x });
    const y = layer.forward(x, false);
    expect(Array.from(y.data)).toEqual(Array.from(x.data));
  });

  it('is the identity in evaluation, forward and backward, drawing nothing', () => {
    const layer = new Dropout(backend, { size: 3, rate: 0.9, rng: new Rng(5) });
    const before = Array.from(layer.state().rng.data);
    const x = Matrix.fromRows([[1, 2, 3]]);
    expect(Array.from(layer.forward(x, false).data)).toEqual([1, 2, 3]);
    expect(Array.from(layer.backward(Matrix.fromRows([[4, 5, 6]])).data)).toEqual([4, 5, 6]);
    expect(Array.from(layer.state().rng.data)).toEqual(before);
    expect(layer.parameters()).toEqual([]);
  });

  it('at rate 0 is the identity in training too', () => {
    const layer = new Dropout(backend, { size: 2, rate: 0, rng: new Rng(5) });
    expect(Array.from(layer.forward(Matrix.fromRows([[1, -2]]), true).data)).toEqual([1, -2]);
  });

  it('refuses a rate outside [0, 1), a gradient of the wrong shape and a backward before forward', () => {
    expect(() => new Dropout(backend, { size: 2, rate: 1, rng: new Rng(1) })).toThrow('Dropout.rate: must be in [0, 1), got 1');
    const layer = new Dropout(backend, { size: 2, rate: 0.5, rng: new Rng(1) });
    expect(() => layer.backward(new Matrix(1, 2))).toThrow('Dropout.backward: called before forward');
    layer.forward(new Matrix(3, 2), true);
    expect(() => layer.backward(new Matrix(2, 2))).toThrow(ShapeError);
    expect(() => layer.forward(new Matrix(3, 4), true)).toThrow('Dropout.forward: input 3×4 but layer expects 2 columns');
  });
});

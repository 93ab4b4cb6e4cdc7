import { ConfigError } from '@synthgrad/core';
import { Matrix, Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { initialiser, initialisers } from '../test/support/plugins.js';

function stats(m: Matrix): { mean: number; std: number; min: number; max: number } {
  const n = m.size;
  const mean = Array.from(m.data).reduce((s, v) => s + v, 0) / n;
  const std = Math.sqrt(Array.from(m.data).reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  return { mean, std, min: Math.min(...m.data), max: Math.max(...m.data) };
}

const filled = (name: string, rows: number, cols: number, seed = 41) => {
  const m = new Matrix(rows, cols);
  initialiser(name).initialise(m, new Rng(seed));
  return m;
};

describe('built-in initialisers', () => {
  it('are tutorial, zeros, glorot-uniform and he-normal', () => {
    expect(initialisers.names()).toEqual(['glorot-uniform', 'he-normal', 'tutorial', 'zeros']);
  });

  // 40 000 draws: the sample mean is within 4 standard errors (4·σ/200) of the true one.
  it("tutorial: randn·0.2 − 0.1, i.e. mean −0.1, standard deviation 0.2", () => {
    const s = stats(filled('tutorial', 200, 200));
    expect(Math.abs(s.mean + 0.1)).toBeLessThan((4 * 0.2) / 200);
    expect(Math.abs(s.std - 0.2)).toBeLessThan(0.004);
  });

  it('glorot-uniform: within ±√(6/(fanIn+fanOut)), variance limit²/3', () => {
    const m = filled('glorot-uniform', 100, 400);
    const limit = Math.sqrt(6 / 500);
    const s = stats(m);
    expect(s.min).toBeGreaterThanOrEqual(-limit);
    expect(s.max).toBeLessThanOrEqual(limit);
    expect(s.max).toBeGreaterThan(0.99 * limit);
    expect(Math.abs(s.std - limit / Math.sqrt(3))).toBeLessThan(0.01 * limit);
  });

  it('he-normal: mean 0, standard deviation √(2/fanIn)', () => {
    const s = stats(filled('he-normal', 50, 800));
    expect(Math.abs(s.mean)).toBeLessThan((4 * 0.2) / 200);
    expect(Math.abs(s.std - 0.2)).toBeLessThan(0.004);
  });

  it('zeros: all zero', () => {
    expect(filled('zeros', 3, 4).data.every((v) => v === 0)).toBe(true);
  });

  it('are reproducible from the seed', () => {
    expect(filled('he-normal', 5, 5, 3).toArray()).toEqual(filled('he-normal', 5, 5, 3).toArray());
    expect(filled('he-normal', 5, 5, 3).toArray()).not.toEqual(filled('he-normal', 5, 5, 4).toArray());
  });

  it('refuse options they do not have', () => {
    expect(() => initialisers.get('he-normal').create({ gain: 2 })).toThrow(ConfigError);
    expect(() => initialisers.get('he-normal').create({ gain: 2 })).toThrow('he-normal.options: unknown option "gain"; it takes no options');
  });
});

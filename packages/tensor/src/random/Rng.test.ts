import { erf } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { Matrix } from '../Matrix.js';
import { Rng } from './Rng.js';

// Reference streams printed by scripts/reference/rng-reference.c, which runs Vigna's original
// splitmix64.c and xoshiro128starstar.c (1.1) with the seeding and conversions Rng documents.
const REFERENCE = [
  {
    seed: 0,
    uint32: [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774],
    uniform: [0.87025477440427201, 0.66979715053109778, 0.36165862067339571, 0.75919063867070502],
  },
  {
    seed: 42,
    uint32: [1776835114, 4165204688, 17111135, 2317295270, 2792088233, 2554630222],
    uniform: [0.41370166815658871, 0.0039839933778147429, 0.65008370276388672, 0.68460201861414161],
  },
  {
    seed: -1,
    uint32: [477689756, 2493998634, 555695776, 607808419, 61340979, 301466976],
    uniform: [0.11122081116347982, 0.12938300625619603, 0.014282055722108056, 0.57706732748012712],
  },
  {
    seed: Number.MAX_SAFE_INTEGER,
    uint32: [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921],
    uniform: [0.28711898103103251, 0.15409045434992519, 0.60561090887516211, 0.5356477692973417],
  },
];

describe('Rng', () => {
  describe.each(REFERENCE)('seed $seed', ({ seed, uint32, uniform }) => {
    it('gives the reference 32-bit outputs', () => {
      const rng = new Rng(seed);
      expect(uint32.map(() => rng.uint32())).toEqual(uint32);
    });

    it('gives the reference 53-bit doubles', () => {
      const rng = new Rng(seed);
      expect(uniform.map(() => rng.uniform())).toEqual(uniform);
    });
  });

  it('continues the same stream after saveState / restoreState, a spare normal included', () => {
    const rng = new Rng(11);
    rng.normal();
    const saved = rng.saveState();
    const expected = [rng.normal(), rng.uniform(), rng.uint32()];
    const other = new Rng(99);
    other.restoreState(saved);
    expect([other.normal(), other.uniform(), other.uint32()]).toEqual(expected);
    expect(() => other.restoreState([0, 0, 0, 0, 0, 0])).toThrow('all-zero');
    expect(() => other.restoreState([1, 2, 3, 2 ** 32, 0, 0])).toThrow('word 3 must be an unsigned 32-bit integer');
    expect(() => other.restoreState([1, 2, 3])).toThrow('expected 6 numbers, got 3');
  });

  it('forks the reference child stream', () => {
    const child = new Rng(42).fork();
    expect([child.uint32(), child.uint32(), child.uint32(), child.uint32()]).toEqual([
      47968312, 1921362277, 1133540367, 1165980621,
    ]);
  });

  it('rejects seeds that are not safe integers, saying why', () => {
    for (const bad of [NaN, Infinity, -Infinity, 1.5, 2 ** 53, '7' as unknown as number]) {
      expect(() => new Rng(bad)).toThrow(RangeError);
      expect(() => new Rng(bad)).toThrow(/Rng: seed must be a safe integer, got/);
    }
  });

  it('repeats itself for equal seeds and differs for different ones', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return [rng.uniform(), rng.normal(), rng.int(1000), ...rng.permutation(8)];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('fork advances the parent and gives a stream unlike the parent’s', () => {
    const parent = new Rng(3);
    const twin = new Rng(3);
    const child = parent.fork();
    twin.uint32();
    twin.uint32();
    expect(parent.uint32()).toBe(twin.uint32());
    const fromChild = Array.from({ length: 8 }, () => child.uint32());
    const fromParent = Array.from({ length: 8 }, () => parent.uint32());
    expect(fromChild).not.toEqual(fromParent);
    expect(Array.from({ length: 4 }, () => new Rng(3).fork().uint32())).toEqual(
      Array(4).fill(fromChild[0]),
    );
  });

  describe('distributions (fixed seeds, so these never flake)', () => {
    const n = 100_000;

    it('uniform lies in [0, 1) with mean 1/2 and variance 1/12', () => {
      const rng = new Rng(11);
      let sum = 0;
      let sumSquares = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < n; i++) {
        const u = rng.uniform();
        sum += u;
        sumSquares += u * u;
        min = Math.min(min, u);
        max = Math.max(max, u);
      }
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThan(1);
      const mean = sum / n;
      // Five standard errors: sqrt(1/12 / n) ≈ 0.0009 for the mean.
      expect(Math.abs(mean - 0.5)).toBeLessThan(0.0046);
      expect(Math.abs(sumSquares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    });

    it('uniformRange and fillUniform stay within [lo, hi)', () => {
      const rng = new Rng(12);
      for (let i = 0; i < 1000; i++) {
        const x = rng.uniformRange(-3, 5);
        expect(x >= -3 && x < 5).toBe(true);
      }
      const m = rng.fillUniform(new Matrix(50, 40), 2, 2.5);
      expect(Math.min(...m.data)).toBeGreaterThanOrEqual(2);
      expect(Math.max(...m.data)).toBeLessThan(2.5);
      expect(() => rng.uniformRange(1, 0)).toThrow(/uniformRange: need finite lo ≤ hi/);
    });

    it('normal follows N(mean, std²): moments and a Kolmogorov–Smirnov test against erf', () => {
      const rng = new Rng(13);
      const samples = Float64Array.from({ length: n }, () => rng.normal(3, 2)).sort();
      const mean = samples.reduce((s, x) => s + x, 0) / n;
      const variance = samples.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
      expect(Math.abs(mean - 3)).toBeLessThan(5 * (2 / Math.sqrt(n)));
      expect(Math.abs(variance - 4)).toBeLessThan(5 * 4 * Math.sqrt(2 / n));
      let d = 0;
      for (let i = 0; i < n; i++) {
        const cdf = 0.5 * (1 + erf((samples[i] - 3) / (2 * Math.SQRT2)));
        d = Math.max(d, Math.abs(cdf - i / n), Math.abs(cdf - (i + 1) / n));
      }
      // The 1% critical value of the KS statistic is 1.63 / √n.
      expect(d).toBeLessThan(1.63 / Math.sqrt(n));
    });

    it('fillNormal fills every element from N(mean, std²)', () => {
      const m = new Rng(14).fillNormal(new Matrix(200, 100), -1, 0.5);
      const values = Array.from(m.data);
      const mean = values.reduce((s, x) => s + x, 0) / m.size;
      const std = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / m.size);
      expect(Math.abs(mean + 1)).toBeLessThan(0.02);
      expect(Math.abs(std - 0.5)).toBeLessThan(0.01);
      expect(new Rng(1).normal(5, 0)).toBe(5);
      expect(() => new Rng(1).normal(0, -1)).toThrow(/normal: need a finite mean and std ≥ 0/);
    });

    it('int(n) gives each of 0 … n − 1 equally often (χ² test)', () => {
      const rng = new Rng(15);
      const counts = new Array<number>(10).fill(0);
      for (let i = 0; i < n; i++) counts[rng.int(10)]++;
      const expected = n / 10;
      const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
      // 9 degrees of freedom, p = 0.001.
      expect(chi2).toBeLessThan(27.88);
      expect(new Rng(1).int(1)).toBe(0);
      const big = new Rng(2);
      for (let i = 0; i < 100; i++) expect(big.int(2 ** 32)).toBeLessThan(2 ** 32);
      for (const bad of [0, -1, 2.5, 2 ** 32 + 1, NaN]) {
        expect(() => rng.int(bad)).toThrow(/Rng.int: n must be an integer from 1 to 2\^32/);
      }
    });

    it('shuffle makes all 6 orders of 3 items equally likely (χ² test)', () => {
      const rng = new Rng(16);
      const counts = new Map<string, number>();
      const trials = 60_000;
      for (let t = 0; t < trials; t++) {
        const order = rng.shuffle(['a', 'b', 'c']).join('');
        counts.set(order, (counts.get(order) ?? 0) + 1);
      }
      expect(counts.size).toBe(6);
      const expected = trials / 6;
      const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
      // 5 degrees of freedom, p = 0.001.
      expect(chi2).toBeLessThan(20.52);
    });

    it('shuffle puts each item in each position equally often', () => {
      const rng = new Rng(17);
      const size = 8;
      const trials = 40_000;
      const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
      const items = Int32Array.from({ length: size }, (_, i) => i);
      for (let t = 0; t < trials; t++) {
        rng.shuffle(items);
        items.forEach((item, position) => counts[item][position]++);
      }
      const expected = trials / size;
      const chi2 = counts.flat().reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
      // 49 degrees of freedom ((8 − 1)²), p = 0.001.
      expect(chi2).toBeLessThan(85.35);
    });
  });

  it('shuffle works in place on arrays and typed arrays and keeps every item', () => {
    const rng = new Rng(18);
    const array = ['w', 'x', 'y', 'z', 'z'];
    expect(rng.shuffle(array)).toBe(array);
    expect([...array].sort()).toEqual(['w', 'x', 'y', 'z', 'z']);
    const typed = Float64Array.of(1.5, 2.5, 3.5);
    expect(rng.shuffle(typed)).toBe(typed);
    expect(Array.from(typed).sort()).toEqual([1.5, 2.5, 3.5]);
    expect(rng.shuffle([])).toEqual([]);
  });

  it('permutation(n) holds each of 0 … n − 1 once', () => {
    const p = new Rng(19).permutation(1000);
    expect(p).toBeInstanceOf(Int32Array);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(new Rng(19).permutation(0).length).toBe(0);
    expect(() => new Rng(19).permutation(-1)).toThrow(/permutation: n must be a non-negative integer/);
  });
});

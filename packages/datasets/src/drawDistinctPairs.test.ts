import { Rng } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { drawDistinctPairs } from './drawDistinctPairs.js';

const keys = ({ a, b }: { a: Int32Array; b: Int32Array }, range: number) => Array.from(a, (x, k) => x * range + b[k]);

describe('drawDistinctPairs', () => {
  it.each([
    ['sparse', 100, 64],
    ['dense', 3000, 64],
    ['every pair', 4096, 64],
  ])('draws distinct pairs in range (%s)', (_kind, count, range) => {
    const pairs = drawDistinctPairs(count, range, new Rng(1));
    expect(new Set(keys(pairs, range)).size).toBe(count);
    for (const x of [...pairs.a, ...pairs.b]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(range);
    }
  });

  it('uses both halves of the range for each number', () => {
    const { a, b } = drawDistinctPairs(2000, 1024, new Rng(2));
    const high = (xs: Int32Array) => xs.filter((x) => x >= 512).length / xs.length;
    expect(high(a)).toBeGreaterThan(0.45);
    expect(high(a)).toBeLessThan(0.55);
    expect(high(b)).toBeGreaterThan(0.45);
    expect(high(b)).toBeLessThan(0.55);
  });

  it('refuses more pairs than exist', () => {
    expect(() => drawDistinctPairs(17, 4, new Rng(0))).toThrow('drawDistinctPairs: 17 distinct pairs do not exist in [0, 4)²');
  });
});

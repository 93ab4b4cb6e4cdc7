import { Rng } from '@synthgrad/tensor';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stratifiedSubset } from './stratifiedSubset.js';

const histogram = (labels: ArrayLike<number>, indices: Iterable<number>) => {
  const counts = new Map<number, number>();
  for (const i of indices) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  return counts;
};

describe('stratifiedSubset', () => {
  it('keeps each class its share (hand example)', () => {
    const labels = Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 2, 2);
    for (let seed = 0; seed < 20; seed++) {
      const chosen = stratifiedSubset(labels, 5, new Rng(seed));
      expect(Object.fromEntries(histogram(labels, chosen))).toEqual({ 0: 2, 1: 1, 2: 2 });
    }
  });

  it('rounds the largest remainders up, ties to the smaller class', () => {
    // Shares 2/3 each: classes 0 and 1 get one each, class 2 none.
    expect(Array.from(stratifiedSubset(Uint8Array.of(0, 1, 2), 2, new Rng(0)))).toEqual([0, 1]);
    // 7 of 10 with class sizes 5, 3, 2: quotas 3.5, 2.1, 1.4 → 4, 2, 1.
    const labels = Uint8Array.of(0, 0, 0, 0, 0, 1, 1, 1, 2, 2);
    expect(Object.fromEntries(histogram(labels, stratifiedSubset(labels, 7, new Rng(3))))).toEqual({ 0: 4, 1: 2, 2: 1 });
  });

  it('gives distinct ascending indices, each class ⌊size·share⌋ or ⌈size·share⌉ (property)', () => {
    const labelsArb = fc.uint8Array({ min: 0, max: 9, minLength: 1, maxLength: 300 });
    const caseArb = labelsArb.chain((labels) => fc.tuple(fc.constant(labels), fc.integer({ min: 0, max: labels.length }), fc.integer()));
    fc.assert(
      fc.property(caseArb, ([labels, size, seed]) => {
        const chosen = stratifiedSubset(labels, size, new Rng(seed));
        expect(chosen.length).toBe(size);
        for (let k = 1; k < size; k++) expect(chosen[k]).toBeGreaterThan(chosen[k - 1]);
        if (size > 0) {
          expect(chosen[0]).toBeGreaterThanOrEqual(0);
          expect(chosen[size - 1]).toBeLessThan(labels.length);
        }
        const all = histogram(labels, labels.keys());
        const picked = histogram(labels, chosen);
        for (const [label, n] of all) {
          const share = (size * n) / labels.length;
          const got = picked.get(label) ?? 0;
          expect(got).toBeGreaterThanOrEqual(Math.floor(share));
          expect(got).toBeLessThanOrEqual(Math.ceil(share));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives every example of a class the same chance', () => {
    const labels = new Uint8Array(8);
    const rng = new Rng(11);
    const hits = new Array(8).fill(0);
    for (let draw = 0; draw < 8000; draw++) for (const i of stratifiedSubset(labels, 2, rng)) hits[i]++;
    // 2000 expected each; the binomial standard deviation is about 39.
    for (const h of hits) expect(Math.abs(h - 2000)).toBeLessThan(200);
  });

  it('takes everything, in order and without drawing, when size is the whole', () => {
    const rng = new Rng(5);
    expect(Array.from(stratifiedSubset(Uint8Array.of(3, 1, 3, 0), 4, rng))).toEqual([0, 1, 2, 3]);
    expect(rng.uint32()).toBe(new Rng(5).uint32());
  });

  it('is deterministic per seed, and seeds differ', () => {
    const labels = Uint8Array.from({ length: 1000 }, (_, i) => i % 10);
    const a = stratifiedSubset(labels, 100, new Rng(1));
    expect(stratifiedSubset(labels, 100, new Rng(1))).toEqual(a);
    expect(stratifiedSubset(labels, 100, new Rng(2))).not.toEqual(a);
  });

  it('refuses sizes out of range', () => {
    expect(() => stratifiedSubset(Uint8Array.of(1, 2), 3, new Rng(0))).toThrow('stratifiedSubset: size must be an integer from 0 to 2, got 3');
    expect(() => stratifiedSubset(Uint8Array.of(1, 2), 1.5, new Rng(0))).toThrow(RangeError);
  });
});

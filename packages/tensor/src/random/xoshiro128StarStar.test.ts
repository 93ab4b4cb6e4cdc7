import { describe, expect, it } from 'vitest';
import { xoshiro128StarStar } from './xoshiro128StarStar.js';

describe('xoshiro128StarStar', () => {
  it("reproduces Blackman & Vigna's xoshiro128starstar.c 1.1 from state {1, 2, 3, 4}", () => {
    // Output of the original C (scripts/reference/rng-reference.c); the first six match the
    // published vectors for version 1.1 (version 1.0 scrambled s[0] and began 5760, 40320).
    const state = Uint32Array.of(1, 2, 3, 4);
    const outputs = Array.from({ length: 8 }, () => xoshiro128StarStar(state));
    expect(outputs).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('returns unsigned 32-bit integers', () => {
    const state = Uint32Array.of(0xffffffff, 0x12345678, 0x9abcdef0, 0x0fedcba9);
    const outputs = Array.from({ length: 1000 }, () => xoshiro128StarStar(state));
    expect(outputs.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });
});

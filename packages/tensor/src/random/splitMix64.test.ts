import { describe, expect, it } from 'vitest';
import { splitMix64 } from './splitMix64.js';

describe('splitMix64', () => {
  it("reproduces Vigna's splitmix64.c from state 0", () => {
    // The first three are the widely published reference outputs for state 0; all four were
    // re-derived by compiling the original C (scripts/reference/rng-reference.c).
    const state: [bigint] = [0n];
    expect([splitMix64(state), splitMix64(state), splitMix64(state), splitMix64(state)]).toEqual([
      0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn, 0xf88bb8a8724c81ecn,
    ]);
  });

  it('wraps the state at 2⁶⁴', () => {
    const state: [bigint] = [(1n << 64n) - 1n];
    splitMix64(state);
    expect(state[0]).toBe(0x9e3779b97f4a7c15n - 1n);
  });
});

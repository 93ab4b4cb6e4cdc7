const MASK_64 = (1n << 64n) - 1n;

/**
 * SplitMix64 (Steele, Lea & Flood 2014; Vigna's `splitmix64.c`): the generator Vigna recommends
 * for turning one 64-bit seed into xoshiro state. Used only when seeding, so BigInt's speed is
 * irrelevant and its exact 64-bit arithmetic keeps the code a line-for-line copy of the C.
 * Returns the next output and advances `state[0]`.
 */
export function splitMix64(state: [bigint]): bigint {
  state[0] = (state[0] + 0x9e3779b97f4a7c15n) & MASK_64;
  let z = state[0];
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return z ^ (z >> 31n);
}

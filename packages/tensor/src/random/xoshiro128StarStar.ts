/**
 * One step of xoshiro128** 1.1 (Blackman & Vigna, `xoshiro128starstar.c`): returns the next
 * unsigned 32-bit output and advances the four 32-bit words of `s` in place. The state must not
 * be all zeros.
 */
export function xoshiro128StarStar(s: Uint32Array): number {
  const s1 = s[1];
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return result;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

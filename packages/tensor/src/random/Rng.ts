import type { Matrix } from '../Matrix.js';
import { splitMix64 } from './splitMix64.js';
import { xoshiro128StarStar } from './xoshiro128StarStar.js';

/** An array-like whose elements can be swapped in place: plain arrays and typed arrays. */
export interface ShuffleableArray<T> {
  readonly length: number;
  [index: number]: T;
}

const TWO_POW_26 = 67108864;
const TWO_POW_32 = 4294967296;
const TWO_POW_53 = 9007199254740992;

/**
 * A seeded random number generator: the same seed gives the same numbers on every machine and
 * JavaScript engine, because every step is exact 32-bit integer arithmetic.
 *
 * - Generator: xoshiro128** 1.1 (Blackman & Vigna), 128 bits of state.
 * - Seeding: the seed, as a 64-bit two's-complement integer, seeds SplitMix64; its first two
 *   outputs fill the state, low 32 bits first (as Vigna recommends).
 * - `uniform()`: 53-bit doubles from two outputs, `((a >>> 5) · 2²⁶ + (b >>> 6)) / 2⁵³`
 *   (`genrand_res53` of MT19937).
 * - `normal()`: Box–Muller; the second value of each pair is kept for the next call.
 * - `int(n)`: rejection sampling, so every value is exactly equally likely.
 *
 * @example
 * ```ts
 * const rng = new Rng(42);
 * const w = rng.fillNormal(new Matrix(24, 128), 0, 0.1);
 * const order = rng.permutation(1000); // a fresh batch order each epoch
 * ```
 */
export class Rng {
  private readonly state = new Uint32Array(4);
  private spareNormal = 0;
  private hasSpareNormal = false;

  /** @param seed any safe integer (|seed| ≤ 2⁵³ − 1); negative seeds are fine. */
  constructor(seed: number) {
    if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) {
      throw new RangeError(`Rng: seed must be a safe integer, got ${String(seed)}`);
    }
    this.reseed(BigInt(seed));
  }

  /**
   * The whole generator state as 6 numbers (the 4 xoshiro words, the kept normal, 1 if one is
   * kept), for saving; {@link Rng.restoreState} continues the stream exactly where it was.
   *
   * @example
   * ```ts
   * const saved = rng.saveState();
   * const a = rng.uniform();
   * rng.restoreState(saved);
   * rng.uniform() === a; // true
   * ```
   */
  saveState(): Float64Array {
    return Float64Array.of(...this.state, this.spareNormal, this.hasSpareNormal ? 1 : 0);
  }

  /** Sets the state {@link Rng.saveState} returned; a malformed one throws a RangeError saying why. */
  restoreState(saved: ArrayLike<number>): void {
    if (saved.length !== 6) throw new RangeError(`Rng.restoreState: expected 6 numbers, got ${saved.length}`);
    for (let i = 0; i < 4; i++) {
      const word = saved[i];
      if (!Number.isInteger(word) || word < 0 || word > 0xffffffff) {
        throw new RangeError(`Rng.restoreState: word ${i} must be an unsigned 32-bit integer, got ${word}`);
      }
    }
    if (saved[0] === 0 && saved[1] === 0 && saved[2] === 0 && saved[3] === 0) {
      throw new RangeError('Rng.restoreState: the all-zero state is not a xoshiro128** state');
    }
    if (saved[5] !== 0 && saved[5] !== 1) throw new RangeError(`Rng.restoreState: flag must be 0 or 1, got ${saved[5]}`);
    for (let i = 0; i < 4; i++) this.state[i] = saved[i];
    this.spareNormal = saved[4];
    this.hasSpareNormal = saved[5] === 1;
  }

  /** The next raw output: an unsigned 32-bit integer. */
  uint32(): number {
    return xoshiro128StarStar(this.state);
  }

  /** Uniform in [0, 1), with 53 random bits. */
  uniform(): number {
    const high = this.uint32() >>> 5;
    const low = this.uint32() >>> 6;
    return (high * TWO_POW_26 + low) / TWO_POW_53;
  }

  /** Uniform in [lo, hi) (up to the rounding of `lo + (hi − lo)·u`). */
  uniformRange(lo: number, hi: number): number {
    assertRange('uniformRange', lo, hi);
    return lo + (hi - lo) * this.uniform();
  }

  /** Normally distributed with the given mean and standard deviation. */
  normal(mean = 0, std = 1): number {
    assertNormal('normal', mean, std);
    return mean + std * this.standardNormal();
  }

  /** A uniformly random integer in [0, n), for an integer 1 ≤ n ≤ 2³². */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
      throw new RangeError(`Rng.int: n must be an integer from 1 to 2^32, got ${n}`);
    }
    // Outputs at or above the largest multiple of n would favour small results: draw again.
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    let x = this.uint32();
    while (x >= limit) x = this.uint32();
    return x % n;
  }

  /** Shuffles `array` in place (Fisher–Yates, from the end) and returns it. */
  shuffle<A extends ShuffleableArray<unknown>>(array: A): A {
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = array[i];
      array[i] = array[j];
      array[j] = t;
    }
    return array;
  }

  /** 0 … n − 1 in random order. */
  permutation(n: number): Int32Array {
    if (!Number.isInteger(n) || n < 0) {
      throw new RangeError(`Rng.permutation: n must be a non-negative integer, got ${n}`);
    }
    const result = new Int32Array(n);
    for (let i = 0; i < n; i++) result[i] = i;
    return this.shuffle(result);
  }

  /**
   * A new generator whose stream is derived from (and advances) this one: 64 bits drawn here
   * seed the child through SplitMix64, so forks of forks stay deterministic and, with 2¹²⁸
   * states, overlapping streams are vanishingly unlikely.
   */
  fork(): Rng {
    const high = BigInt(this.uint32());
    const low = BigInt(this.uint32());
    const child = new Rng(0);
    child.reseed((high << 32n) | low);
    return child;
  }

  /** Fills `m` with uniform values in [lo, hi) and returns it. */
  fillUniform(m: Matrix, lo: number, hi: number): Matrix {
    assertRange('fillUniform', lo, hi);
    const data = m.data;
    for (let i = 0; i < data.length; i++) data[i] = lo + (hi - lo) * this.uniform();
    return m;
  }

  /** Fills `m` with normal values of the given mean and standard deviation and returns it. */
  fillNormal(m: Matrix, mean: number, std: number): Matrix {
    assertNormal('fillNormal', mean, std);
    const data = m.data;
    for (let i = 0; i < data.length; i++) data[i] = mean + std * this.standardNormal();
    return m;
  }

  private standardNormal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    // 1 − u lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spareNormal = radius * Math.sin(angle);
    this.hasSpareNormal = true;
    return radius * Math.cos(angle);
  }

  private reseed(seed: bigint): void {
    const splitMixState: [bigint] = [BigInt.asUintN(64, seed)];
    const first = splitMix64(splitMixState);
    const second = splitMix64(splitMixState);
    // SplitMix64's output is a bijection of its counter, so two consecutive outputs are never
    // both zero and the xoshiro state is never the forbidden all-zero one.
    this.state[0] = Number(first & 0xffffffffn);
    this.state[1] = Number(first >> 32n);
    this.state[2] = Number(second & 0xffffffffn);
    this.state[3] = Number(second >> 32n);
    this.hasSpareNormal = false;
  }
}

function assertRange(op: string, lo: number, hi: number): void {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || lo > hi) {
    throw new RangeError(`Rng.${op}: need finite lo ≤ hi, got lo ${lo}, hi ${hi}`);
  }
}

function assertNormal(op: string, mean: number, std: number): void {
  if (!Number.isFinite(mean) || !Number.isFinite(std) || std < 0) {
    throw new RangeError(`Rng.${op}: need a finite mean and std ≥ 0, got mean ${mean}, std ${std}`);
  }
}

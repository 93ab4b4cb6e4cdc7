/**
 * The `bits` binary digits of `value`, most significant first, as 0/1 numbers.
 *
 * @example
 * ```ts
 * encodeBits(6, 4); // [0, 1, 1, 0]
 * ```
 */
export function encodeBits(value: number, bits: number): number[] {
  const digits = new Array<number>(bits);
  writeBits(value, bits, digits, 0);
  return digits;
}

/** Writes `value`'s `bits` digits, most significant first, into `target` from `offset` (no allocation). */
export function writeBits(value: number, bits: number, target: { [index: number]: number }, offset: number): void {
  if (!Number.isInteger(bits) || bits < 1 || bits > 52) {
    throw new RangeError(`encodeBits: bits must be an integer from 1 to 52, got ${bits}`);
  }
  if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) {
    throw new RangeError(`encodeBits: ${value} does not fit in ${bits} bits (0 ≤ value < ${2 ** bits})`);
  }
  let rest = value;
  for (let i = bits - 1; i >= 0; i--) {
    const digit = rest % 2;
    target[offset + i] = digit;
    rest = (rest - digit) / 2;
  }
}

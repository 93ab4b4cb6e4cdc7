import { Matrix, type MatrixData, type Rng } from '@synthgrad/tensor';

/** Rows of `x` are two `bits`-bit numbers side by side (most significant bit first); `y` is their sum. */
export interface BinaryAdditionDataset {
  readonly x: Matrix;
  readonly y: Matrix;
}

/**
 * The tutorial's `generate_dataset`: operands below `2^(bits−1)` so the sum fits in `bits` bits.
 *
 * @example
 * ```ts
 * const { x, y } = binaryAdditionDataset(new Rng(1), 1000, 12); // 1000×24 and 1000×12
 * ```
 */
export function binaryAdditionDataset(rng: Rng, examples: number, bits: number): BinaryAdditionDataset {
  const x = new Matrix(examples, 2 * bits);
  const y = new Matrix(examples, bits);
  const limit = 2 ** (bits - 1);
  for (let r = 0; r < examples; r++) {
    const left = Math.floor(rng.uniform() * limit);
    const right = Math.floor(rng.uniform() * limit);
    writeBits(left, x.row(r).subarray(0, bits));
    writeBits(right, x.row(r).subarray(bits));
    writeBits(left + right, y.row(r));
  }
  return { x, y };
}

function writeBits(value: number, target: MatrixData): void {
  for (let i = target.length - 1; i >= 0; i--) {
    target[i] = value & 1;
    value >>>= 1;
  }
}

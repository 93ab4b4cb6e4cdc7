import { ConfigError, describeValue, readOptions, type Dataset, type DatasetPlugin, type DatasetSplit } from '@synthgrad/core';
import { Matrix, Rng } from '@synthgrad/tensor';
import { drawDistinctPairs, type DistinctPairs } from './drawDistinctPairs.js';
import { writeBits } from './encodeBits.js';

const NAME = 'binary-addition';

/** Options of `binary-addition`. */
export interface BinaryAdditionOptions {
  /** Digits per number: the summands are below 2^(bits−1), so their sum fits in `bits` digits. 2..26, default 12. */
  readonly bits?: number;
  /** Training examples, ≥ 1 (default 1000). */
  readonly trainSize?: number;
  /** Held-out test examples, ≥ 1 (default 1000). */
  readonly testSize?: number;
  /**
   * Validation examples, ≥ 0 (default 0: no validation split). Drawn after the train and test pairs,
   * so adding a validation split leaves those two unchanged (unless it makes the splits take more
   * than half of all pairs, which changes how pairs are drawn).
   */
  readonly validationSize?: number;
  /** Seed of the pairs drawn: the same seed gives the same data on every machine (default 0). */
  readonly seed?: number;
}

/**
 * The most examples `binary-addition` makes, all splits together. The tutorial uses thousands; beyond
 * ten million the matrices alone take gigabytes (10⁷ rows × 3·26 float64 columns ≈ 6 GB at 26 bits),
 * and the distinct-pair draw keeps a set of the pairs seen, which cannot hold more than 2²⁴ entries.
 * Larger sizes are refused up front, before anything is drawn or allocated.
 *
 * @example
 * ```ts
 * binaryAdditionDataset.load({ bits: 26, trainSize: 2e7 }); // ConfigError: binary-addition.trainSize: … at most 10000000 …
 * ```
 */
export const BINARY_ADDITION_MAX_EXAMPLES = 10_000_000;

interface OptionRule {
  readonly fallback: number;
  readonly valid: (value: number) => boolean;
  readonly expected: string;
}
const OPTION_RULES: Record<keyof BinaryAdditionOptions, OptionRule> = {
  bits: { fallback: 12, valid: (v) => Number.isInteger(v) && v >= 2 && v <= 26, expected: 'an integer from 2 to 26' },
  trainSize: { fallback: 1000, valid: (v) => Number.isSafeInteger(v) && v >= 1, expected: 'an integer ≥ 1' },
  testSize: { fallback: 1000, valid: (v) => Number.isSafeInteger(v) && v >= 1, expected: 'an integer ≥ 1' },
  validationSize: { fallback: 0, valid: (v) => Number.isSafeInteger(v) && v >= 0, expected: 'an integer ≥ 0' },
  seed: { fallback: 0, valid: Number.isSafeInteger, expected: 'a (safe) integer' },
};

/**
 * `binary-addition`, the tutorial's task: two integers a, b drawn uniformly from [0, 2^(bits−1));
 * inputs are the `bits` digits of a then the `bits` digits of b, most significant first (2·bits
 * columns of 0/1), labels the `bits` digits of a + b. Task `binary-digits`.
 *
 * The test and validation splits are held out: all trainSize + testSize + validationSize pairs (a, b)
 * are distinct, so no pair appears in two splits (nor twice in one). When 2^(2·(bits−1)) pairs are too few
 * for that, `load` throws a `ConfigError` naming the numbers. Options are validated the same way.
 *
 * @example
 * ```ts
 * const data = binaryAdditionDataset.load({ bits: 8, trainSize: 500, validationSize: 200, seed: 1 });
 * data.train.inputs.shape; // "500×16"
 * data.validation?.inputs.shape; // "200×16"
 * decodeBits(data.train.labels.row(0)); // decodeBits(inputs row 0, first 8) + decodeBits(its last 8)
 * ```
 */
export const binaryAdditionDataset: DatasetPlugin<BinaryAdditionOptions> = {
  name: NAME,
  description: 'sums of two random binary numbers (the synthetic-gradients tutorial task), test pairs held out',
  load(options?: BinaryAdditionOptions): Dataset {
    const { bits, trainSize, testSize, validationSize, seed } = readBinaryAdditionOptions(options);
    const range = 2 ** (bits - 1);
    const heldOut = trainSize + testSize;
    const needed = heldOut + validationSize;
    if (needed > BINARY_ADDITION_MAX_EXAMPLES) {
      const sizes = { trainSize, testSize, validationSize };
      const largest = (Object.keys(sizes) as (keyof typeof sizes)[]).reduce((a, b) => (sizes[b] > sizes[a] ? b : a));
      throw new ConfigError(
        `${NAME}.${largest}`,
        `trainSize + testSize + validationSize = ${trainSize} + ${testSize} + ${validationSize} = ${needed} examples, ` +
          `but at most ${BINARY_ADDITION_MAX_EXAMPLES} are made (all splits together); lower the sizes`,
      );
    }
    if (needed > range * range) {
      throw new ConfigError(
        NAME,
        `trainSize + testSize + validationSize = ${trainSize} + ${testSize} + ${validationSize} = ${needed} distinct (a, b) pairs are needed, ` +
          `but bits = ${bits} allows only 2^(2·(${bits}−1)) = ${range * range}; lower the sizes or raise bits`,
      );
    }
    const pairs = drawDistinctPairs(needed, range, new Rng(seed));
    return {
      name: NAME,
      task: 'binary-digits',
      inputSize: 2 * bits,
      labelSize: bits,
      train: split(pairs, 0, trainSize, bits),
      ...(validationSize > 0 ? { validation: split(pairs, heldOut, needed, bits) } : {}),
      test: split(pairs, trainSize, heldOut, bits),
    };
  },
};

function split(pairs: DistinctPairs, from: number, to: number, bits: number): DatasetSplit {
  const inputs = new Matrix(to - from, 2 * bits);
  const labels = new Matrix(to - from, bits);
  for (let k = from; k < to; k++) {
    const row = k - from;
    writeBits(pairs.a[k], bits, inputs.data, row * 2 * bits);
    writeBits(pairs.b[k], bits, inputs.data, row * 2 * bits + bits);
    writeBits(pairs.a[k] + pairs.b[k], bits, labels.data, row * bits);
  }
  return { inputs, labels };
}

function readBinaryAdditionOptions(options: unknown): Required<BinaryAdditionOptions> {
  const record = readOptions(NAME, options, Object.keys(OPTION_RULES));
  const read = (key: keyof BinaryAdditionOptions): number => {
    const { fallback, valid, expected } = OPTION_RULES[key];
    const value = record[key] ?? fallback;
    if (typeof value !== 'number' || !valid(value)) {
      throw new ConfigError(`${NAME}.${key}`, `must be ${expected}, got ${describeValue(value)}`);
    }
    return value;
  };
  return {
    bits: read('bits'),
    trainSize: read('trainSize'),
    testSize: read('testSize'),
    validationSize: read('validationSize'),
    seed: read('seed'),
  };
}

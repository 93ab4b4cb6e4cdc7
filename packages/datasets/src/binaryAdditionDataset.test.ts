import { ConfigError, type Dataset } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import { describe, expect, it } from 'vitest';
import { BINARY_ADDITION_MAX_EXAMPLES, binaryAdditionDataset, type BinaryAdditionOptions } from './binaryAdditionDataset.js';
import { decodeBits } from './decodeBits.js';

const load = (options?: BinaryAdditionOptions) => binaryAdditionDataset.load(options) as Dataset;

/** Oracle: parse each row's digits as base-2 strings, independently of decodeBits. */
const parse = (digits: ArrayLike<number>) => Number.parseInt(Array.from(digits).join(''), 2);
const rowsOf = (inputs: Matrix, bits: number) =>
  Array.from({ length: inputs.rows }, (_, r) => {
    const row = inputs.row(r);
    return { a: parse(row.subarray(0, bits)), b: parse(row.subarray(bits)) };
  });

describe('binary-addition', () => {
  it('has the default shape and task', () => {
    const data = load();
    expect(data.name).toBe('binary-addition');
    expect(data.task).toBe('binary-digits');
    expect(data.inputSize).toBe(24);
    expect(data.labelSize).toBe(12);
    expect(data.train.inputs.shape).toBe('1000×24');
    expect(data.train.labels.shape).toBe('1000×12');
    expect(data.test.inputs.shape).toBe('1000×24');
    expect(data.test.labels.shape).toBe('1000×12');
  });

  it.each([
    [2, 3, 1],
    [5, 150, 100],
    [12, 300, 200],
    [26, 300, 200],
  ])('labels are the sums of the inputs halves (bits = %i)', (bits, trainSize, testSize) => {
    const data = load({ bits, trainSize, testSize, seed: 5 });
    for (const { inputs, labels } of [data.train, data.test]) {
      for (const value of [...inputs.data, ...labels.data]) expect(value === 0 || value === 1).toBe(true);
      rowsOf(inputs, bits).forEach(({ a, b }, r) => {
        expect(a).toBeLessThan(2 ** (bits - 1));
        expect(b).toBeLessThan(2 ** (bits - 1));
        expect(parse(labels.row(r))).toBe(a + b);
        expect(decodeBits(labels.row(r))).toBe(decodeBits(inputs.row(r).subarray(0, bits)) + decodeBits(inputs.row(r).subarray(bits)));
      });
    }
  });

  it('holds the test split out: no (a, b) pair of test is in train', () => {
    for (const [bits, trainSize, testSize] of [[12, 1000, 1000], [5, 200, 56], [6, 900, 124]]) {
      const data = load({ bits, trainSize, testSize, seed: 3 });
      const train = new Set(rowsOf(data.train.inputs, bits).map(({ a, b }) => `${a},${b}`));
      const test = rowsOf(data.test.inputs, bits).map(({ a, b }) => `${a},${b}`);
      expect(train.size).toBe(trainSize);
      expect(new Set(test).size).toBe(testSize);
      expect(test.filter((pair) => train.has(pair))).toEqual([]);
    }
  });

  it('holds a validation split out of both train and test, and leaves those two as they were', () => {
    for (const [bits, trainSize, testSize, validationSize] of [[12, 1000, 1000, 1000], [5, 100, 50, 56], [7, 2000, 1000, 1096]]) {
      const data = load({ bits, trainSize, testSize, validationSize, seed: 3 });
      const without = load({ bits, trainSize, testSize, seed: 3 });
      const key = ({ a, b }: { a: number; b: number }) => `${a},${b}`;
      const train = new Set(rowsOf(data.train.inputs, bits).map(key));
      const test = new Set(rowsOf(data.test.inputs, bits).map(key));
      const validation = rowsOf(data.validation!.inputs, bits).map(key);
      expect(new Set(validation).size).toBe(validationSize);
      expect(validation.filter((pair) => train.has(pair) || test.has(pair))).toEqual([]);
      rowsOf(data.validation!.inputs, bits).forEach(({ a, b }, r) => expect(parse(data.validation!.labels.row(r))).toBe(a + b));
      if (2 * (trainSize + testSize + validationSize) <= 4 ** (bits - 1)) {
        expect(data.train.inputs.data).toEqual(without.train.inputs.data);
        expect(data.test.inputs.data).toEqual(without.test.inputs.data);
      }
    }
    expect(load({ bits: 8, trainSize: 10, testSize: 10 }).validation).toBeUndefined();
  });

  it('throws when the pairs are too few to hold both splits, naming the numbers', () => {
    expect(() => load({ bits: 4, trainSize: 60, testSize: 5 })).toThrow(ConfigError);
    expect(() => load({ bits: 4, trainSize: 60, testSize: 5 })).toThrow(
      'binary-addition: trainSize + testSize + validationSize = 60 + 5 + 0 = 65 distinct (a, b) pairs are needed, but bits = 4 allows only 2^(2·(4−1)) = 64',
    );
    expect(load({ bits: 4, trainSize: 60, testSize: 4 }).test.inputs.rows).toBe(4);
  });

  it('refuses more than ten million examples before drawing any, naming the largest size and the bound', () => {
    // 2·10⁷ distinct pairs exist at 26 bits (2^50), so only the size bound can refuse this.
    expect(() => load({ bits: 26, trainSize: 2e7 })).toThrow(ConfigError);
    expect(() => load({ bits: 26, trainSize: 2e7 })).toThrow(
      'binary-addition.trainSize: trainSize + testSize + validationSize = 20000000 + 1000 + 0 = 20001000 examples, but at most 10000000 are made',
    );
    expect(() => load({ bits: 26, trainSize: 9_000_000, testSize: 1000, validationSize: 1_000_000 })).toThrow(
      `binary-addition.trainSize: trainSize + testSize + validationSize = 9000000 + 1000 + 1000000 = 10001000 examples, but at most ${BINARY_ADDITION_MAX_EXAMPLES} are made`,
    );
    expect(() => load({ bits: 26, testSize: 2 ** 40 })).toThrow('binary-addition.testSize: ');
  });

  it('is deterministic per seed, and seeds differ', () => {
    const a = load({ bits: 8, trainSize: 50, testSize: 20, seed: 42 });
    const b = load({ bits: 8, trainSize: 50, testSize: 20, seed: 42 });
    const c = load({ bits: 8, trainSize: 50, testSize: 20, seed: 43 });
    expect(b.train.inputs.data).toEqual(a.train.inputs.data);
    expect(b.test.inputs.data).toEqual(a.test.inputs.data);
    expect(b.train.labels.data).toEqual(a.train.labels.data);
    expect(c.train.inputs.data).not.toEqual(a.train.inputs.data);
    expect(load().train.inputs.data).toEqual(load({ seed: 0 }).train.inputs.data);
  });

  it('rejects invalid options, naming the option and the value', () => {
    const cases: [unknown, string][] = [
      [{ bits: 1 }, 'binary-addition.bits: must be an integer from 2 to 26, got 1'],
      [{ bits: 27 }, 'binary-addition.bits: must be an integer from 2 to 26, got 27'],
      [{ bits: 8.5 }, 'binary-addition.bits: must be an integer from 2 to 26, got 8.5'],
      [{ bits: '8' }, 'binary-addition.bits: must be an integer from 2 to 26, got "8"'],
      [{ trainSize: 0 }, 'binary-addition.trainSize: must be an integer ≥ 1, got 0'],
      [{ testSize: -3 }, 'binary-addition.testSize: must be an integer ≥ 1, got -3'],
      [{ testSize: Number.NaN }, 'binary-addition.testSize: must be an integer ≥ 1, got NaN'],
      [{ validationSize: -1 }, 'binary-addition.validationSize: must be an integer ≥ 0, got -1'],
      [{ seed: 0.5 }, 'binary-addition.seed: must be a (safe) integer, got 0.5'],
      [{ bit: 8 }, 'binary-addition: unknown option "bit"; known: "bits", "trainSize", "testSize", "validationSize", "seed"'],
      [8, 'binary-addition: options must be an object, got 8'],
    ];
    for (const [options, message] of cases) {
      expect(() => load(options as BinaryAdditionOptions), message).toThrow(ConfigError);
      expect(() => load(options as BinaryAdditionOptions), message).toThrow(message);
    }
  });
});

import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, type Dataset } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstOfReal, idxBytes, readReal, REAL_DIR, tempDir, writeFile } from '../test/idxBytes.js';
import { IdxFormatError } from './IdxFormatError.js';
import { mnistDataset, type MnistOptions } from './mnistDataset.js';

// Well-known facts about MNIST, independent of this code: the first labels of each split, the
// digits' counts, and the pixel mean and standard deviation (0.1307 and 0.3081 for the training set,
// the constants of the usual normalisation).
const FIRST_TRAIN_LABELS = [5, 0, 4, 1, 9, 2, 1, 3, 1, 4];
const FIRST_TEST_LABELS = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9];
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

const load = (options?: MnistOptions) => mnistDataset.load(options) as Promise<Dataset>;

/** The digit of each one-hot row; fails unless every row is exactly one 1 and nine 0s. */
function digits(labels: Matrix): number[] {
  expect(labels.cols).toBe(10);
  const notOneHot: number[] = [];
  const result = Array.from({ length: labels.rows }, (_, r) => {
    const row = Array.from(labels.row(r));
    if (row.filter((v) => v === 1).length !== 1 || row.filter((v) => v === 0).length !== 9) notOneHot.push(r);
    return row.indexOf(1);
  });
  expect(notOneHot, 'rows that are not one-hot').toEqual([]);
  return result;
}
/** Element-wise equality without vitest's deep diff, which is far too slow for 47 million values. */
function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
const countsOf = (labels: number[]) => labels.reduce((counts, d) => (counts[d]++, counts), new Array(10).fill(0));

/** Asserts each row of `subset` is a row of `full` with the same digit, in order (a subsequence). */
function expectOrderedSubsetOf(subset: Matrix, subsetDigits: number[], full: Matrix, fullDigits: number[]): void {
  const sameRow = (r: number, f: number) => {
    const a = subset.row(r);
    const b = full.row(f);
    for (let p = 0; p < a.length; p++) if (a[p] !== b[p]) return false;
    return true;
  };
  let f = 0;
  for (let r = 0; r < subset.rows; r++, f++) {
    while (f < full.rows && !sameRow(r, f)) f++;
    expect(f, `row ${r} of the subset is no later row of the full split`).toBeLessThan(full.rows);
    expect(subsetDigits[r]).toBe(fullDigits[f]);
  }
}

describe('mnist on the real data', () => {
  let data: Dataset;
  let trainDigits: number[];
  let testDigits: number[];
  beforeAll(async () => {
    data = await load();
    trainDigits = digits(data.train.labels);
    testDigits = digits(data.test.labels);
  });

  it('has 60000 + 10000 examples of 784 pixels and one-hot labels', () => {
    expect(data.name).toBe('mnist');
    expect(data.task).toBe('classification');
    expect(data.inputSize).toBe(784);
    expect(data.labelSize).toBe(10);
    expect(data.train.inputs.shape).toBe('60000×784');
    expect(data.train.labels.shape).toBe('60000×10');
    expect(data.test.inputs.shape).toBe('10000×784');
    expect(data.test.labels.shape).toBe('10000×10');
  });

  it('keeps the files order: the first training digit is a 5, the first test digit a 7', () => {
    expect(trainDigits.slice(0, 10)).toEqual(FIRST_TRAIN_LABELS);
    expect(testDigits.slice(0, 10)).toEqual(FIRST_TEST_LABELS);
  });

  it('has the known count of each digit', () => {
    expect(countsOf(trainDigits)).toEqual(TRAIN_COUNTS);
    expect(countsOf(testDigits)).toEqual(TEST_COUNTS);
    expect(Array.from(data.train.labels.data).reduce((a, b) => a + b, 0)).toBe(60000);
    expect(Array.from(data.test.labels.data).reduce((a, b) => a + b, 0)).toBe(10000);
  });

  it('scales pixels to [0, 1] as byte / 255, with the known mean and standard deviation', () => {
    for (const [inputs, mean, std] of [
      [data.train.inputs, 0.1307, 0.3081],
      [data.test.inputs, 0.1325, 0.3105],
    ] as const) {
      let min = Infinity;
      let max = -Infinity;
      let sum = 0;
      let squares = 0;
      let offGrid = 0;
      for (const v of inputs.data) {
        if (v < min) min = v;
        if (v > max) max = v;
        sum += v;
        squares += v * v;
        if (Math.abs(v * 255 - Math.round(v * 255)) > 1e-9) offGrid++;
      }
      const n = inputs.data.length;
      expect([min, max, offGrid]).toEqual([0, 1, 0]);
      expect(sum / n).toBeCloseTo(mean, 4);
      expect(Math.sqrt(squares / n - (sum / n) ** 2)).toBeCloseTo(std, 4);
    }
  });

  it('reads the pixels of the real file in row-major order', () => {
    const bytes = readReal('train-images-idx3-ubyte');
    // Image 0 (a 5): row 14 from column 10, read straight from the file's bytes.
    const from = 16 + 14 * 28 + 10;
    const expected = Array.from(bytes.subarray(from, from + 8), (b) => b / 255);
    expect(Array.from(data.train.inputs.row(0).subarray(14 * 28 + 10, 14 * 28 + 18))).toEqual(expected);
    expect(expected.some((v) => v > 0)).toBe(true);
  });

  it('draws a stratified subset of real rows, in file order', async () => {
    const subset = await load({ trainSize: 1000, testSize: 500, seed: 1 });
    expect(subset.train.inputs.shape).toBe('1000×784');
    expect(subset.test.inputs.shape).toBe('500×784');
    const subsetTrain = digits(subset.train.labels);
    const subsetTest = digits(subset.test.labels);
    countsOf(subsetTrain).forEach((count, d) => expect(Math.abs(count - (1000 * TRAIN_COUNTS[d]) / 60000)).toBeLessThan(1));
    countsOf(subsetTest).forEach((count, d) => expect(Math.abs(count - (500 * TEST_COUNTS[d]) / 10000)).toBeLessThan(1));
    expectOrderedSubsetOf(subset.train.inputs, subsetTrain, data.train.inputs, trainDigits);
    expectOrderedSubsetOf(subset.test.inputs, subsetTest, data.test.inputs, testDigits);
  });

  it('is deterministic per seed, seeds differ, and the test subset ignores trainSize', async () => {
    const a = await load({ trainSize: 200, testSize: 100, seed: 7 });
    const b = await load({ trainSize: 200, testSize: 100, seed: 7 });
    const c = await load({ trainSize: 200, testSize: 100, seed: 8 });
    const d = await load({ trainSize: 300, testSize: 100, seed: 7 });
    const e = await load({ trainSize: 200, testSize: 100 });
    const f = await load({ trainSize: 200, testSize: 100, seed: 0 });
    expect(sameValues(b.train.inputs.data, a.train.inputs.data)).toBe(true);
    expect(sameValues(b.test.labels.data, a.test.labels.data)).toBe(true);
    expect(sameValues(c.train.inputs.data, a.train.inputs.data)).toBe(false);
    expect(sameValues(c.test.inputs.data, a.test.inputs.data)).toBe(false);
    expect(sameValues(d.test.inputs.data, a.test.inputs.data)).toBe(true);
    expect(sameValues(e.train.inputs.data, f.train.inputs.data)).toBe(true);
  });

  it('carves a stratified validation split out of the training images, disjoint from train', async () => {
    const carved = await load({ trainSize: 2000, validationSize: 1000, testSize: 100, seed: 4 });
    const validation = carved.validation!;
    expect(validation.inputs.shape).toBe('1000×784');
    expect(carved.train.inputs.shape).toBe('2000×784');
    const validationDigits = digits(validation.labels);
    countsOf(validationDigits).forEach((count, d) => expect(Math.abs(count - (1000 * TRAIN_COUNTS[d]) / 60000)).toBeLessThan(1));
    expectOrderedSubsetOf(validation.inputs, validationDigits, data.train.inputs, trainDigits);
    expectOrderedSubsetOf(carved.train.inputs, digits(carved.train.labels), data.train.inputs, trainDigits);
    const rowKey = (m: Matrix, r: number) => Array.from(m.row(r)).join(',');
    const trainRows = new Set(Array.from({ length: carved.train.inputs.rows }, (_, r) => rowKey(carved.train.inputs, r)));
    const shared = Array.from({ length: validation.inputs.rows }, (_, r) => r).filter((r) => trainRows.has(rowKey(validation.inputs, r)));
    expect(shared).toEqual([]);
    const again = await load({ trainSize: 2000, validationSize: 1000, testSize: 100, seed: 4 });
    expect(sameValues(again.validation!.inputs.data, validation.inputs.data)).toBe(true);
    const withoutValidation = await load({ trainSize: 2000, testSize: 100, seed: 4 });
    expect(sameValues(withoutValidation.test.inputs.data, carved.test.inputs.data)).toBe(true);
    expect(withoutValidation.validation).toBeUndefined();
    const rest = await load({ validationSize: 5000, testSize: 10 });
    expect(rest.train.inputs.shape).toBe('55000×784');
    await expect(load({ validationSize: 60000 })).rejects.toThrow('mnist.validationSize: must leave training images: an integer from 0 to 59999');
    await expect(load({ validationSize: 59000, trainSize: 2000 })).rejects.toThrow(
      'mnist.trainSize: must be an integer from 1 to 1000',
    );
  });

  it('takes a full split when only the other is smaller', async () => {
    const partial = await load({ testSize: 10 });
    expect(sameValues(partial.train.inputs.data, data.train.inputs.data)).toBe(true);
    expect(partial.test.inputs.shape).toBe('10×784');
  });

  it('rejects sizes above what the files hold, naming the file', async () => {
    await expect(load({ trainSize: 60001 })).rejects.toThrow(ConfigError);
    await expect(load({ trainSize: 60001 })).rejects.toThrow(
      `mnist.trainSize: must be an integer from 1 to 60000 (the images in ${join(REAL_DIR, 'train-images-idx3-ubyte')}), got 60001`,
    );
    await expect(load({ testSize: 10001 })).rejects.toThrow(
      `mnist.testSize: must be an integer from 1 to 10000 (the images in ${join(REAL_DIR, 't10k-images-idx3-ubyte')}), got 10001`,
    );
  });
});

describe('mnist options', () => {
  it('rejects invalid options, naming the option and the value', async () => {
    const cases: [unknown, string][] = [
      [{ trainSize: 0 }, 'mnist.trainSize: must be an integer ≥ 1, got 0'],
      [{ trainSize: 10.5 }, 'mnist.trainSize: must be an integer ≥ 1, got 10.5'],
      [{ testSize: -3 }, 'mnist.testSize: must be an integer ≥ 1, got -3'],
      [{ testSize: '100' }, 'mnist.testSize: must be an integer ≥ 1, got "100"'],
      [{ testSize: Number.NaN }, 'mnist.testSize: must be an integer ≥ 1, got NaN'],
      [{ validationSize: -1 }, 'mnist.validationSize: must be an integer ≥ 0, got -1'],
      [{ seed: 0.5 }, 'mnist.seed: must be a (safe) integer, got 0.5'],
      [{ dataDir: '' }, 'mnist.dataDir: must be a non-empty string (a folder), got ""'],
      [{ dataDir: 3 }, 'mnist.dataDir: must be a non-empty string (a folder), got 3'],
      [{ trainsize: 100 }, 'mnist: unknown option "trainsize"; known: "trainSize", "testSize", "validationSize", "seed", "dataDir"'],
      [8, 'mnist: options must be an object, got 8'],
      [null, 'mnist: options must be an object, got null'],
    ];
    for (const [options, message] of cases) {
      await expect(load(options as MnistOptions), message).rejects.toThrow(ConfigError);
      await expect(load(options as MnistOptions), message).rejects.toThrow(message);
    }
  });

  it('refuses a size above ten million before reading any file, naming the option and the bound', async () => {
    // The folder does not exist: a refusal that named it would mean the files were looked for first.
    const missing = join(tmpdir(), 'synthgrad-mnist-never-created');
    await expect(load({ trainSize: 2e7, dataDir: missing })).rejects.toThrow(
      'mnist.trainSize: must be at most 10000000 (checked before the files are read), got 20000000',
    );
    await expect(load({ validationSize: 10_000_001, dataDir: missing })).rejects.toThrow('mnist.validationSize: must be at most 10000000');
    await expect(load({ testSize: 10_000_000, dataDir: missing })).rejects.toThrow(missing);
  });
});

describe('mnist from dataDir', () => {
  const root = tempDir();
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  /** A folder with the first images of the real files; `change` may replace any of the four. */
  function folder(name: string, change: Partial<Record<string, Uint8Array>> = {}, gzip = false): string {
    const dir = join(root, name);
    mkdirSync(dir);
    const train = firstOfReal('train', 100);
    const test = firstOfReal('t10k', 20);
    const files: Record<string, Uint8Array> = {
      'train-images-idx3-ubyte': train.images,
      'train-labels-idx1-ubyte': train.labels,
      't10k-images-idx3-ubyte': test.images,
      't10k-labels-idx1-ubyte': test.labels,
      ...change,
    } as Record<string, Uint8Array>;
    for (const [file, bytes] of Object.entries(files)) writeFile(dir, gzip ? `${file}.gz` : file, bytes);
    return dir;
  }

  it('reads a copy of its own, plain or gzipped', async () => {
    for (const [name, gzip] of [['plain', false], ['gzipped', true]] as const) {
      const data = await load({ dataDir: folder(name, {}, gzip) });
      expect(data.train.inputs.shape).toBe('100×784');
      expect(data.test.inputs.shape).toBe('20×784');
      expect(digits(data.train.labels).slice(0, 10)).toEqual(FIRST_TRAIN_LABELS);
      expect(digits(data.test.labels).slice(0, 10)).toEqual(FIRST_TEST_LABELS);
      const bytes = readReal('t10k-images-idx3-ubyte').subarray(16 + 19 * 784, 16 + 20 * 784);
      expect(Array.from(data.test.inputs.row(19))).toEqual(Array.from(bytes, (b) => b / 255));
    }
    const small = await load({ dataDir: join(root, 'plain'), trainSize: 50, testSize: 10 });
    expect(small.train.inputs.shape).toBe('50×784');
    await expect(load({ dataDir: join(root, 'plain'), trainSize: 101 })).rejects.toThrow(
      `mnist.trainSize: must be an integer from 1 to 100 (the images in ${join(root, 'plain', 'train-images-idx3-ubyte')}), got 101`,
    );
  });

  it('names the file when images and labels disagree or a file is damaged', async () => {
    const dir = (name: string) => join(root, name);
    const cases: [string, Partial<Record<string, Uint8Array>>, string][] = [
      [
        'counts',
        { 'train-labels-idx1-ubyte': firstOfReal('train', 100, 99).labels },
        `${dir('counts')}/train-labels-idx1-ubyte: 99 labels, but ${dir('counts')}/train-images-idx3-ubyte has 100 images`,
      ],
      [
        'truncated',
        { 't10k-images-idx3-ubyte': readReal('t10k-images-idx3-ubyte').subarray(0, 5000) },
        `${dir('truncated')}/t10k-images-idx3-ubyte: dims 10000×28×28 need 16 + 7840000 = 7840016 bytes, got 5000 (truncated)`,
      ],
      [
        'not-a-digit',
        { 't10k-labels-idx1-ubyte': idxBytes([20], [...FIRST_TEST_LABELS, 7, 7, 12, 7, 7, 7, 7, 7, 7, 7]) },
        `${dir('not-a-digit')}/t10k-labels-idx1-ubyte: label 12 at index 12 is not a digit 0–9`,
      ],
      [
        'flat-images',
        { 'train-images-idx3-ubyte': idxBytes([100, 784], new Array(78400).fill(0)) },
        `${dir('flat-images')}/train-images-idx3-ubyte: images need 3 dimensions (count×rows×cols), got 100×784`,
      ],
      [
        'label-matrix',
        { 't10k-labels-idx1-ubyte': idxBytes([20, 1], new Array(20).fill(0)) },
        `${dir('label-matrix')}/t10k-labels-idx1-ubyte: labels need 1 dimension (count), got 20×1`,
      ],
      [
        'image-size',
        { 't10k-images-idx3-ubyte': idxBytes([20, 14, 14], new Array(20 * 196).fill(0)) },
        `${dir('image-size')}/t10k-images-idx3-ubyte: images of 196 pixels, but those of ${dir('image-size')}/train-images-idx3-ubyte have 784`,
      ],
      [
        'no-test-images',
        { 't10k-images-idx3-ubyte': idxBytes([0, 28, 28], []), 't10k-labels-idx1-ubyte': idxBytes([0], []) },
        `${dir('no-test-images')}/t10k-images-idx3-ubyte: holds 0 images (dims 0×28×28); a split needs at least 1`,
      ],
      [
        'no-train-images',
        { 'train-images-idx3-ubyte': idxBytes([0, 28, 28], []), 'train-labels-idx1-ubyte': idxBytes([0], []) },
        `${dir('no-train-images')}/train-images-idx3-ubyte: holds 0 images (dims 0×28×28); a split needs at least 1`,
      ],
      [
        'empty-images',
        { 'train-images-idx3-ubyte': idxBytes([100, 28, 0], []) },
        `${dir('empty-images')}/train-images-idx3-ubyte: images of 28×0 = 0 pixels (dims 100×28×0); an image needs at least 1`,
      ],
    ];
    for (const [name, change, message] of cases) {
      const dataDir = folder(name, change);
      await expect(load({ dataDir }), name).rejects.toThrow(IdxFormatError);
      await expect(load({ dataDir }), name).rejects.toThrow(message);
    }
  });

  it('names the missing files', async () => {
    const dataDir = join(root, 'empty');
    mkdirSync(dataDir);
    await expect(load({ dataDir })).rejects.toThrow(ConfigError);
    await expect(load({ dataDir })).rejects.toThrow(`mnist.dataDir: missing "${join(dataDir, 'train-images-idx3-ubyte')}", `);
  });
});

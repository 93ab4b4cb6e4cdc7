import { Matrix, type Dataset, type DatasetSplit } from 'synthgrad';
import { MNIST_SUBSET_FILES, MnistSubset } from './MnistSubset.js';

/** Reads one file of the subset by its name (in the browser: a fetch of the bundled asset). */
export type ReadSubsetFile = (name: string) => Promise<Uint8Array>;

/**
 * The playground's MNIST subset as a `classification` dataset, as `@synthgrad/datasets-mnist`'s
 * `mnist` gives it: pixels row by row scaled to [0, 1] (784 columns), one-hot labels (10 columns).
 * Files are gunzipped here unless a server already decoded them (no gzip magic).
 */
export async function loadMnistSubset(read: ReadSubsetFile): Promise<Dataset> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    [MNIST_SUBSET_FILES.trainImages, MNIST_SUBSET_FILES.trainLabels, MNIST_SUBSET_FILES.testImages, MNIST_SUBSET_FILES.testLabels].map(
      async (name) => readIdx(await gunzip(await read(name)), name),
    ),
  );
  const pixels = MnistSubset.rows * MnistSubset.cols;
  return {
    name: 'mnist',
    task: 'classification',
    inputSize: pixels,
    labelSize: MnistSubset.classes,
    train: split(trainImages, trainLabels, MnistSubset.trainSize, MNIST_SUBSET_FILES.trainImages),
    test: split(testImages, testLabels, MnistSubset.testSize, MNIST_SUBSET_FILES.testImages),
  };
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

interface Idx {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

/** An IDX file of unsigned bytes (type 0x08), its length checked against its dimensions. */
function readIdx(bytes: Uint8Array, name: string): Idx {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || view.getUint16(0) !== 0 || bytes[2] !== 0x08) throw new Error(`${name}: not an IDX file of unsigned bytes`);
  const count = bytes[3];
  const headerSize = 4 + 4 * count;
  if (bytes.length < headerSize) throw new Error(`${name}: truncated IDX header`);
  const dims = Array.from({ length: count }, (_, i) => view.getUint32(4 + 4 * i));
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== headerSize + size) throw new Error(`${name}: ${bytes.length - headerSize} data bytes, its dimensions ${dims.join('×')} need ${size}`);
  return { dims, data: bytes.subarray(headerSize) };
}

function split(images: Idx, labels: Idx, size: number, name: string): DatasetSplit {
  const pixels = MnistSubset.rows * MnistSubset.cols;
  if (images.dims[0] !== size || labels.dims[0] !== size || images.data.length !== size * pixels) {
    throw new Error(`${name}: expected ${size} images of ${pixels} pixels with as many labels, got ${images.dims.join('×')} and ${labels.dims.join('×')}`);
  }
  const inputs = new Matrix(size, pixels);
  for (let i = 0; i < inputs.data.length; i++) inputs.data[i] = images.data[i] / 255;
  const oneHot = new Matrix(size, MnistSubset.classes);
  labels.data.forEach((digit, row) => {
    if (digit >= MnistSubset.classes) throw new Error(`${name}: label ${digit} at ${row} is not a digit`);
    oneHot.data[row * MnistSubset.classes + digit] = 1;
  });
  return { inputs, labels: oneHot };
}

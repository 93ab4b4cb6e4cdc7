/**
 * The MNIST subset the playground ships (`data/mnist/`, written by `scripts/makeMnistSubset.ts`):
 * stratified subsets of the real MNIST, drawn by `@synthgrad/datasets-mnist` with these options, so
 * the `mnist` dataset with the same options (what an exported suite names) has the same images.
 */
export const MnistSubset = {
  trainSize: 2000,
  testSize: 500,
  seed: 1,
  rows: 28,
  cols: 28,
  classes: 10,
} as const;

/** The four gzipped IDX files of the subset, under the names of Yann LeCun's originals. */
export const MNIST_SUBSET_FILES = {
  trainImages: 'train-images-idx3-ubyte.gz',
  trainLabels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

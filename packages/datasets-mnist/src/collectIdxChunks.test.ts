import { describe, expect, it } from 'vitest';
import { idxBytes } from '../test/idxBytes.js';
import { collectIdxChunks, type IdxProgress } from './collectIdxChunks.js';

/** `bytes` in chunks of `size`, counting how many were taken. */
function chunked(bytes: Uint8Array, size: number, taken = { count: 0 }): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < bytes.length; i += size) {
        taken.count++;
        yield bytes.subarray(i, i + size);
      }
    },
  };
}

describe('collectIdxChunks', () => {
  const file = idxBytes([3, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

  it('assembles a file from chunks of any size, the header split between them', async () => {
    for (const size of [1, 2, 3, 5, 15, 16, 17, 100]) {
      const { dims, data } = await collectIdxChunks(chunked(file, size), 'f', 1000);
      expect(dims, `chunks of ${size}`).toEqual([3, 2, 2]);
      expect(Array.from(data), `chunks of ${size}`).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    }
  });

  it('stops taking chunks at the first byte past the declared size', async () => {
    const long = new Uint8Array(file.length + 1000);
    long.set(file);
    const taken = { count: 0 };
    const progress: IdxProgress = { length: 0 };
    await expect(collectIdxChunks(chunked(long, 4, taken), 'f', 1000, progress)).rejects.toThrow(
      'f: dims 3×2×2 need 16 + 12 = 28 bytes, got at least 32 (at least 4 extra bytes at the end); stopped reading there',
    );
    expect(taken.count).toBe(8); // 28 bytes are 7 chunks of 4; the 8th holds the first extra byte
    expect(progress).toEqual({ header: { dims: [3, 2, 2], headerSize: 16, values: 12, totalSize: 28 }, length: 32 });
  });

  it('refuses a declared size above the limit from the header alone', async () => {
    const taken = { count: 0 };
    await expect(collectIdxChunks(chunked(file, 4, taken), 'f', 27)).rejects.toThrow(
      'f: dims 3×2×2 need 16 + 12 = 28 bytes, more than the limit of 27 bytes; refused before reading it',
    );
    expect(taken.count).toBe(4); // the 16 header bytes
  });

  it('refuses fewer bytes than declared once the chunks end', async () => {
    await expect(collectIdxChunks(chunked(file.subarray(0, 20), 3), 'f', 1000)).rejects.toThrow(
      'f: dims 3×2×2 need 16 + 12 = 28 bytes, got 20 (truncated)',
    );
    await expect(collectIdxChunks(chunked(file.subarray(0, 10), 3), 'f', 1000)).rejects.toThrow(
      'f: truncated header: 3 dimensions need 16 header bytes, got 10',
    );
  });
});

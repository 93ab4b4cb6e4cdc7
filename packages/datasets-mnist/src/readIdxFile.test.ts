import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { idxBytes, readReal, tempDir, writeFile } from '../test/idxBytes.js';
import { IdxFormatError } from './IdxFormatError.js';
import { readIdxFile } from './readIdxFile.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readIdxFile', () => {
  it('reads a plain and a gzipped copy of the real test labels alike (MNIST test label 0 is a 7)', async () => {
    const real = readReal('t10k-labels-idx1-ubyte');
    const plain = await readIdxFile(writeFile(dir, 'labels', real));
    const gzipped = await readIdxFile(writeFile(dir, 'labels.gz', real));
    expect(plain.dims).toEqual([10000]);
    expect(gzipped.dims).toEqual([10000]);
    expect(Array.from(plain.data.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    expect(gzipped.data).toEqual(plain.data);
  });

  it('names the path of a truncated copy of a real file', async () => {
    const real = readReal('t10k-images-idx3-ubyte');
    const path = writeFile(dir, 't10k-images-idx3-ubyte', real.subarray(0, 16 + 784 * 123 + 400));
    await expect(readIdxFile(path)).rejects.toThrow(IdxFormatError);
    await expect(readIdxFile(path)).rejects.toThrow(
      `${path}: dims 10000×28×28 need 16 + 7840000 = 7840016 bytes, got ${16 + 784 * 123 + 400} (truncated)`,
    );
    const gzipped = writeFile(dir, 'cut.gz', real.subarray(0, 1000));
    await expect(readIdxFile(gzipped)).rejects.toThrow(`${gzipped}: dims 10000×28×28 need 16 + 7840000 = 7840016 bytes, got 1000 (truncated)`);
  });

  it('names the path of a damaged .gz file and of a gzipped file not named .gz', async () => {
    const damaged = join(dir, 'damaged.gz');
    writeFileSync(damaged, Uint8Array.of(0x1f, 0x8b, 8, 0, 1, 2, 3));
    await expect(readIdxFile(damaged)).rejects.toThrow(`${damaged}: cannot gunzip it: `);
    const misnamed = writeFile(dir, 'misnamed.gz', idxBytes([1], [3]));
    const renamed = join(dir, 'misnamed');
    writeFileSync(renamed, readFileSync(misnamed));
    await expect(readIdxFile(renamed)).rejects.toThrow(`${renamed}: bad magic number 0x1f8b0800`);
  });

  it('lets a missing file fail with the system error naming it', async () => {
    const missing = join(dir, 'nothing-here');
    await expect(readIdxFile(missing)).rejects.toThrow(`ENOENT: no such file or directory, open '${missing}'`);
  });
});

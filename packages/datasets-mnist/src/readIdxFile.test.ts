import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { idxBytes, readReal, tempDir, writeFile } from '../test/idxBytes.js';
import { IdxFormatError } from './IdxFormatError.js';
import { MAX_IDX_BYTES, readIdxFile } from './readIdxFile.js';

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

  it('stops gunzipping a "gzip bomb" at the first bytes past its declared size', async () => {
    // 8 MiB of zeros after a header that declares 10 bytes: gzipped to a few kB.
    const bomb = new Uint8Array(8 + 10 + 8 * 2 ** 20);
    bomb.set(idxBytes([10], [1, 2, 3, 4, 5, 6, 7, 8, 9, 0]));
    const path = writeFile(dir, 'bomb.gz', bomb);
    const error = await readIdxFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdxFormatError);
    const message = (error as Error).message;
    expect(message).toMatch(new RegExp(`^${escape(path)}${String.raw`: dims 10 need 8 \+ 10 = 18 bytes, got at least \d+ \(at least \d+ extra bytes at the end\); stopped reading there$`}`));
    const gunzipped = Number(/got at least (\d+)/.exec(message)![1]);
    expect(gunzipped).toBeGreaterThan(18);
    expect(gunzipped).toBeLessThan(2 ** 20); // stopped within the first chunks, not after 8 MiB
  });

  it('refuses gzipped data shorter or longer than its dims, naming both byte counts', async () => {
    const short = writeFile(dir, 'short.gz', idxBytes([100], new Array(50).fill(3)));
    await expect(readIdxFile(short)).rejects.toThrow(`${short}: dims 100 need 8 + 100 = 108 bytes, got 58 (truncated)`);
    const long = writeFile(dir, 'long.gz', idxBytes([10], new Array(11).fill(3)));
    await expect(readIdxFile(long)).rejects.toThrow(
      `${long}: dims 10 need 8 + 10 = 18 bytes, got at least 19 (at least 1 extra bytes at the end); stopped reading there`,
    );
    const empty = writeFile(dir, 'empty.gz', new Uint8Array(0));
    await expect(readIdxFile(empty)).rejects.toThrow(`${empty}: 0 bytes are too few for an IDX file (its magic number alone has 4)`);
    const header = writeFile(dir, 'header.gz', Uint8Array.of(0, 0, 8, 2, 0, 0));
    await expect(readIdxFile(header)).rejects.toThrow(`${header}: truncated header: 2 dimensions need 12 header bytes, got 6`);
    const notIdx = writeFile(dir, 'text.gz', new TextEncoder().encode('hello, world'));
    await expect(readIdxFile(notIdx)).rejects.toThrow(`${notIdx}: bad magic number 0x68656c6c: an IDX file starts with two zero bytes`);
  });

  it('says how far it got when the gzip stream itself is cut short', async () => {
    const real = readReal('t10k-images-idx3-ubyte');
    const gzipped = gzipSync(real);
    const path = join(dir, 'cut-stream.gz');
    writeFileSync(path, gzipped.subarray(0, gzipped.length >> 1));
    const message = await readIdxFile(path).then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message).toMatch(
      new RegExp(`^${escape(path)}${String.raw`: cannot gunzip it: unexpected end of file \(after \d+ of the 7840016 bytes its dims declare\)$`}`),
    );
    const after = Number(/after (\d+) of/.exec(message)![1]);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(7840016);
  });

  it('reads a gzip file of several members, its header split between them (as `cat a.gz b.gz` makes)', async () => {
    const whole = idxBytes([3, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const path = join(dir, 'members.gz');
    writeFileSync(path, Buffer.concat([gzipSync(whole.subarray(0, 3)), gzipSync(whole.subarray(3, 9)), gzipSync(whole.subarray(9))]));
    const { dims, data } = await readIdxFile(path);
    expect(dims).toEqual([3, 2, 2]);
    expect(Array.from(data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('refuses an absurd declared size before allocating it, plain or gzipped, naming the byte count', async () => {
    const huge = idxBytes([4294967295, 4294967295, 28], []);
    const declared = 'dims 4294967295×4294967295×28 need 16 + 516508833823349276700 = 516508833823349276716 bytes';
    for (const name of ['huge', 'huge.gz']) {
      const path = writeFile(dir, name, huge);
      await expect(readIdxFile(path)).rejects.toThrow(
        `${path}: ${declared}, more than the limit of ${MAX_IDX_BYTES} bytes; refused before reading it (readIdxFile's maxBytes raises the limit)`,
      );
    }
    expect(MAX_IDX_BYTES).toBe(1073741824);
    const hundred = idxBytes([100], new Array(100).fill(1));
    for (const name of ['hundred', 'hundred.gz']) {
      const path = writeFile(dir, name, hundred);
      await expect(readIdxFile(path, { maxBytes: 107 })).rejects.toThrow(`${path}: dims 100 need 8 + 100 = 108 bytes, more than the limit of 107 bytes`);
      expect((await readIdxFile(path, { maxBytes: 108 })).dims).toEqual([100]);
    }
  });

  it('refuses a plain file longer than its dims from its size alone, without reading it', async () => {
    // A sparse file of 1 GiB: reading it whole would take a second and 1 GiB of memory.
    const path = writeFile(dir, 'long-plain', idxBytes([10], new Array(10).fill(1)));
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 2 ** 30);
    closeSync(fd);
    await expect(readIdxFile(path)).rejects.toThrow(`${path}: dims 10 need 8 + 10 = 18 bytes, got ${2 ** 30} (${2 ** 30 - 18} extra bytes at the end)`);
  });

  it('lets a missing file fail with the system error naming it', async () => {
    const missing = join(dir, 'nothing-here');
    await expect(readIdxFile(missing)).rejects.toThrow(`ENOENT: no such file or directory, open '${missing}'`);
  });

  it.each(['fifo', 'fifo.gz'])('refuses a FIFO (%s) at once, without waiting for a writer (files outside the folder)', async (name) => {
    const fifo = join(dir, name);
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    await expect(readIdxFile(fifo)).rejects.toThrow(`${fifo}: not a regular file (a FIFO); give the path of an IDX file`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a device and a folder, naming them', async () => {
    await expect(readIdxFile('/dev/zero')).rejects.toThrow('/dev/zero: not a regular file (a device)');
    await expect(readIdxFile(dir)).rejects.toThrow(`${dir}: not a regular file (a folder)`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

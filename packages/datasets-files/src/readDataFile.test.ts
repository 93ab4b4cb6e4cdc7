import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@synthgrad/core';
import { describe, expect, it } from 'vitest';
import { readDataFile } from './readDataFile.js';

const dir = mkdtempSync(join(tmpdir(), 'synthgrad-read-data-'));

async function errorOf(path: string, maxBytes?: number): Promise<string> {
  const error = await readDataFile(path, 'arrays.train', maxBytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as Error).message;
}

describe('readDataFile', () => {
  it('reads a regular file', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, '1,2\n');
    expect(new TextDecoder().decode(await readDataFile(file, 'arrays.train'))).toBe('1,2\n');
  });

  it('refuses a symbolic link, even to a regular file', async () => {
    const target = join(dir, 'target.csv');
    writeFileSync(target, '1,2\n');
    const link = join(dir, 'link.csv');
    symlinkSync(target, link);
    expect(await errorOf(link)).toBe(`arrays.train: "${link}" is a symbolic link; name the file it points to instead`);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without blocking on it', async () => {
    const fifo = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expect(await errorOf(fifo)).toBe(`arrays.train: "${fifo}" is a FIFO (named pipe), not a regular file`);
  });

  it('refuses a folder, a missing file and a file over the size bound', async () => {
    const folder = join(dir, 'folder.csv');
    mkdirSync(folder);
    expect(await errorOf(folder)).toBe(`arrays.train: "${folder}" is a folder, not a regular file`);
    expect(await errorOf(join(dir, 'missing.csv'))).toBe(`arrays.train: no file "${join(dir, 'missing.csv')}"`);
    const big = join(dir, 'big.csv');
    writeFileSync(big, '1234567890\n');
    expect(await errorOf(big, 10)).toBe(`arrays.train: "${big}" has 11 bytes, more than the 10 read at most`);
    expect(await readDataFile(big, 'arrays.train', 11)).toHaveLength(11);
  });
});

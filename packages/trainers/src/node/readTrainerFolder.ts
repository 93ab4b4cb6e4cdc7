import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { FormatError, fromNpy } from '@synthgrad/layers';
import type { Matrix } from '@synthgrad/tensor';
import type { SavedTrainer, TrainerManifest } from '../state/SavedTrainer.js';

/** The largest `manifest.json` read: a manifest lists tensors and a little metadata, never megabytes. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Room for a `.npy` header beyond its values (numpy pads headers to 64 bytes; format 2 allows 4 GiB, none needs more than this). */
const NPY_HEADER_BYTES = 64 * 1024;

/** Names that would reach an object's prototype instead of naming a tensor. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Reads a folder {@link writeTrainerFolder} wrote (or one made with numpy: a `manifest.json` and the
 * `.npy` files it names) into a {@link SavedTrainer} for `loadTrainerState`. File names are
 * checked to stay inside the folder; every file must be a regular file of the folder itself (a
 * symbolic link, FIFO or device is refused without being read or waited on), the manifest at most
 * {@link MAX_MANIFEST_BYTES} and each `.npy` no larger than its manifest shape needs; every tensor's
 * shape is checked against the manifest. Messages name the files, never echo their contents.
 *
 * @example
 * ```ts
 * loadTrainerState(trainer, await readTrainerFolder('weights/dni/seed-0'));
 * ```
 */
export async function readTrainerFolder(dir: string): Promise<SavedTrainer> {
  const manifestPath = join(dir, 'manifest.json');
  const fail = (message: string): never => {
    throw new FormatError(`readTrainerFolder: ${manifestPath}: ${message}`);
  };
  let manifest: TrainerManifest;
  const text = await readRegularFile(manifestPath, MAX_MANIFEST_BYTES).catch((error: Error) => fail(error.message));
  try {
    manifest = JSON.parse(text.toString('utf8')) as TrainerManifest;
  } catch {
    return fail('not valid JSON');
  }
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.tensors !== 'object' || manifest.tensors === null) {
    fail('expected an object with "tensors"');
  }
  const tensors: Record<string, Matrix> = Object.create(null) as Record<string, Matrix>;
  for (const [name, entry] of Object.entries(manifest.tensors)) {
    if (FORBIDDEN_NAMES.has(name)) fail(`a tensor is named ${JSON.stringify(name)}, which is not a tensor name`);
    const file = entry?.file;
    if (typeof file !== 'string' || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.npy$/.test(file)) {
      fail(`tensor "${name}" names file ${JSON.stringify(file)}; expected a plain file name ending in .npy`);
    }
    if (!Number.isSafeInteger(entry.rows) || !Number.isSafeInteger(entry.cols) || entry.rows < 0 || entry.cols < 0) {
      fail(`tensor "${name}" has rows ${JSON.stringify(entry.rows)} and cols ${JSON.stringify(entry.cols)}; expected counts`);
    }
    let m: Matrix;
    try {
      m = fromNpy(await readRegularFile(join(dir, file), NPY_HEADER_BYTES + 8 * entry.rows * entry.cols));
    } catch (error) {
      return fail(`tensor "${name}" (${file}): ${(error as Error).message}`);
    }
    if (m.rows !== entry.rows || m.cols !== entry.cols) {
      fail(`tensor "${name}" (${file}) is ${m.shape} but the manifest says ${entry.rows}×${entry.cols}`);
    }
    tensors[name] = m;
  }
  return { manifest, tensors: { ...tensors } };
}

/** The whole of a regular file that is not a link, refused unread when larger than `maxBytes`. */
async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new Error('it is a symbolic link; a saved trainer is read from regular files of its folder only');
    if (code === 'ENXIO') throw new Error('it is not a regular file (a FIFO or socket)');
    throw new Error(code === 'ENOENT' ? 'no such file' : (error as Error).message);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error('it is not a regular file (a FIFO, device or folder)');
    if (stats.size > maxBytes) throw new Error(`it holds ${stats.size} bytes, more than the ${maxBytes} it may hold`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

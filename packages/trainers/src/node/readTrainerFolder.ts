import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FormatError, fromNpy } from '@synthgrad/layers';
import type { Matrix } from '@synthgrad/tensor';
import type { SavedTrainer, TrainerManifest } from '../state/SavedTrainer.js';

/**
 * Reads a folder {@link writeTrainerFolder} wrote (or one made with numpy: a `manifest.json` and the
 * `.npy` files it names) into a {@link SavedTrainer} for `loadTrainerState`. File names are
 * checked to stay inside the folder; every tensor's shape is checked against the manifest.
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
  try {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as TrainerManifest;
  } catch (error) {
    return fail((error as Error).message);
  }
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.tensors !== 'object' || manifest.tensors === null) {
    fail('expected an object with "tensors"');
  }
  const tensors: Record<string, Matrix> = {};
  for (const [name, entry] of Object.entries(manifest.tensors)) {
    const file = entry?.file;
    if (typeof file !== 'string' || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*\.npy$/.test(file)) {
      fail(`tensor "${name}" names file ${JSON.stringify(file)}; expected a plain file name ending in .npy`);
    }
    let m: Matrix;
    try {
      m = fromNpy(await readFile(join(dir, file)));
    } catch (error) {
      return fail(`tensor "${name}" (${file}): ${(error as Error).message}`);
    }
    if (m.rows !== entry.rows || m.cols !== entry.cols) {
      fail(`tensor "${name}" (${file}) is ${m.shape} but the manifest says ${entry.rows}×${entry.cols}`);
    }
    tensors[name] = m;
  }
  return { manifest, tensors };
}

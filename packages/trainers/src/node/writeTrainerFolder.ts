import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toNpy } from '@synthgrad/layers';
import type { SavedTrainer } from '../state/SavedTrainer.js';

/**
 * Writes a saved trainer as a folder: `manifest.json` and one `.npy` per tensor (float64, C order,
 * byte for byte what `numpy.save` writes, so `numpy.load('layer0.weights.npy')` reads it). The
 * folder is created if needed; the manifest is written last, so a folder with a manifest is whole.
 *
 * @example
 * ```ts
 * await writeTrainerFolder('weights/dni/seed-0', saveTrainerState(trainer));
 * ```
 */
export async function writeTrainerFolder(dir: string, saved: SavedTrainer): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, entry] of Object.entries(saved.manifest.tensors)) {
    await writeFile(join(dir, entry.file), toNpy(saved.tensors[name]));
  }
  const manifest = join(dir, 'manifest.json');
  await writeFile(`${manifest}.partial`, `${JSON.stringify(saved.manifest, null, 2)}\n`);
  await rename(`${manifest}.partial`, manifest);
}

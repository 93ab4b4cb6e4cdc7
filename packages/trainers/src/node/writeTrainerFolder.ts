import { constants } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { toNpy } from '@synthgrad/layers';
import type { SavedTrainer } from '../state/SavedTrainer.js';

/**
 * Writes a saved trainer as a folder: `manifest.json` and one `.npy` per tensor (float64, C order,
 * byte for byte what `numpy.save` writes, so `numpy.load('layer0.weights.npy')` reads it). The
 * folder is created if needed; the manifest is written last, so a folder with a manifest is whole.
 * A symbolic link in the folder in place of one of its files is refused, never written through.
 *
 * @example
 * ```ts
 * await writeTrainerFolder('weights/dni/seed-0', saveTrainerState(trainer));
 * ```
 */
export async function writeTrainerFolder(dir: string, saved: SavedTrainer): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, entry] of Object.entries(saved.manifest.tensors)) {
    await writeOwnFile(join(dir, entry.file), toNpy(saved.tensors[name]));
  }
  const manifest = join(dir, 'manifest.json');
  await writeOwnFile(`${manifest}.partial`, `${JSON.stringify(saved.manifest, null, 2)}\n`);
  await rename(`${manifest}.partial`, manifest);
}

/** Writes `path` as a regular file of its folder: a link in its place fails (ELOOP) instead of being followed. */
async function writeOwnFile(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW | constants.O_NONBLOCK, 0o644).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ELOOP' ? new Error(`writeTrainerFolder: "${path}" is a symbolic link; a saved trainer is written only as regular files of its folder`) : error;
  });
  try {
    if (!(await handle.stat()).isFile()) throw new Error(`writeTrainerFolder: "${path}" is not a regular file`);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

import { lstat } from 'node:fs/promises';
import { relative, sep, join } from 'node:path';

/**
 * Throws unless every part of `path` below `base` that exists is a real folder, not a symbolic link
 * (nor a file): a saved model is read and written only inside its run folder, never through a link
 * planted in it (`weights/` or `weights/<configuration>` pointing elsewhere). Parts not yet created pass.
 *
 * @example
 * ```ts
 * await assertOwnFolders('results/seed/2026-12-08T04-00-00Z/weights', 'results/seed/2026-12-08T04-00-00Z/weights/dni/seed-1');
 * ```
 */
export async function assertOwnFolders(base: string, path: string): Promise<void> {
  let current = base;
  for (const part of ['', ...relative(base, path).split(sep).filter(Boolean)]) {
    current = part === '' ? current : join(current, part);
    const stats = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (stats === undefined) return;
    if (stats.isSymbolicLink()) throw new Error(`"${current}" is a symbolic link; saved weights are read and written only in folders of the run folder itself`);
    if (!stats.isDirectory()) throw new Error(`"${current}" is not a folder`);
  }
}

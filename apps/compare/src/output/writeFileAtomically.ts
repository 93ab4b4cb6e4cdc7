import { constants } from 'node:fs';
import { lstat, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../cli/CliError.js';
import { openRegularFile } from './openRegularFile.js';

/**
 * Writes `data` to `path` whole or not at all: into a new temporary file beside it (created
 * exclusively, never through a link), fsynced, then renamed over `path`. A full disk or a crash
 * leaves the previous file (or none), never a partial one that looks whole; the temporary file is
 * removed on failure. An existing `path` that is not a regular file (a link, a FIFO) is refused,
 * naming it, and left as it is.
 *
 * @example
 * ```ts
 * await writeFileAtomically('results/seed/2026-12-08T04-00-00Z/summary.csv', csv);
 * ```
 */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing && !existing.isFile()) {
    throw new CliError(`"${path}" is ${existing.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; synthgrad writes only regular files in a run folder: remove it and give --resume again`);
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.partial`);
  const handle = await openRegularFile(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}

import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { CliError } from '../cli/CliError.js';

/**
 * Opens `path` only if it is a regular file itself: a symbolic link is not followed (`O_NOFOLLOW`),
 * a FIFO or a device is refused without blocking on it (`O_NONBLOCK`, then `fstat`), and so is a
 * file with another name elsewhere (a hard link). What a run
 * folder holds is read and written through this, so a link planted in it never reaches another file.
 * `flags` are `fs.constants.O_*` flags besides those two; `what` names the file's role in messages.
 * Throws a {@link CliError} naming the path; ENOENT is passed on as is, for callers that allow it.
 *
 * @example
 * ```ts
 * const handle = await openRegularFile('results/seed/2026-12-08T04-00-00Z/results.jsonl', constants.O_RDONLY);
 * ```
 */
export async function openRegularFile(path: string, flags: number, mode = 0o644): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, flags | constants.O_NOFOLLOW | constants.O_NONBLOCK, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new CliError(`"${path}" is a symbolic link; synthgrad reads and writes only regular files in a run folder, never what a link points to`);
    if (code === 'ENXIO') throw new CliError(`"${path}" is not a regular file (a FIFO or socket); remove it or give another folder`);
    throw error;
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new CliError(`"${path}" is not a regular file (${kindOf(stats)}); remove it or give another folder`);
  }
  if (stats.nlink > 1) {
    await handle.close();
    throw new CliError(`"${path}" has ${stats.nlink} names (a hard link to another file); synthgrad reads and writes only a run folder's own files: copy it instead`);
  }
  return handle;
}

/** Reads the whole of a regular file (see {@link openRegularFile}), refusing one of more than `maxBytes` before reading it. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await openRegularFile(path, constants.O_RDONLY);
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new CliError(`"${path}" holds ${size} bytes, more than the ${maxBytes} synthgrad reads from such a file`);
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a file';
}

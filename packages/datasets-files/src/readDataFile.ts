import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { ConfigError } from '@synthgrad/core';

/** The largest data file {@link readDataFile} reads unless told otherwise: 256 MiB. */
export const MAX_DATA_FILE_BYTES = 256 * 2 ** 20;

/**
 * The bytes of the regular file at `path`, refusing anything else before opening it: a missing path,
 * a symbolic link (name the file it points to instead), a folder, a FIFO, a socket or a device
 * (`lstat` first; the file is then opened without following links and without blocking, and checked
 * to be the same file), or a file over `maxBytes`. Each refusal is a `ConfigError` at `label`
 * naming the path.
 *
 * @example
 * ```ts
 * const bytes = await readDataFile('/data/train.csv', 'arrays.train');
 * ```
 */
export async function readDataFile(path: string, label: string, maxBytes: number = MAX_DATA_FILE_BYTES): Promise<Uint8Array> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(label, code === 'ENOENT' ? `no file "${path}"` : `cannot read "${path}": ${(error as Error).message}`);
  }
  if (stats.isSymbolicLink()) throw new ConfigError(label, `"${path}" is a symbolic link; name the file it points to instead`);
  if (!stats.isFile()) throw new ConfigError(label, `"${path}" is ${kindOf(stats)}, not a regular file`);
  if (stats.size > maxBytes) throw new ConfigError(label, `"${path}" has ${stats.size} bytes, more than the ${maxBytes} read at most`);
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  let file;
  try {
    file = await open(path, flags);
  } catch (error) {
    throw new ConfigError(label, `cannot open "${path}" as a regular file: ${(error as Error).message}`);
  }
  try {
    const opened = await file.stat();
    if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev || opened.size > maxBytes) {
      throw new ConfigError(label, `"${path}" changed while it was being opened; try again`);
    }
    const bytes = new Uint8Array(opened.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await file.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await file.close();
  }
}

function kindOf(stats: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  return 'a device or other special file';
}

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CliError } from '../cli/CliError.js';
import type { Suite } from '../suite/suiteSchema.js';

/** `2026-11-26T04-30-00Z`: an ISO time without milliseconds and with no colon (valid in every file system). */
export function folderTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

/**
 * Creates `<out>/<suite>/<timestamp>/` and writes the resolved suite to `suite.json` in it, before any
 * run starts: an output folder that cannot be written fails here, naming the path. The folder is
 * created with one `mkdir` (atomic): when another process took the name first, even in the same
 * second, this one takes `<timestamp>-2`, `-3`, … instead, so two suites never share a folder.
 */
export async function createRunFolder(out: string, suite: Suite, now = new Date()): Promise<string> {
  const base = join(resolve(out), suite.name, folderTimestamp(now));
  let folder = base;
  try {
    await mkdir(dirname(base), { recursive: true });
    for (let n = 2; ; n++) {
      try {
        await mkdir(folder);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 10_000) throw error;
        folder = `${base}-${n}`;
      }
    }
    await writeFile(join(folder, 'suite.json'), `${JSON.stringify(suite, null, 2)}\n`, { flag: 'wx' });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file, not a folder' : message;
    throw new CliError(`cannot write the output folder "${folder}" (--out ${out}): ${why}`);
  }
  return folder;
}

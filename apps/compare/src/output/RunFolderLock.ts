import { constants } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../cli/CliError.js';
import { openRegularFile, readRegularFile } from './openRegularFile.js';

/** Who holds a run folder: written as JSON into its `lock` file. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  /** ISO 8601. */
  readonly started: string;
}

/**
 * The lock of a run folder: one process at a time trains into it. Taken by creating `<folder>/lock`
 * exclusively (`O_CREAT | O_EXCL`, atomic on local file systems) with the holder's pid, host and start
 * time; a second `compare` or `--resume` on the folder is refused, naming the holder. A lock left by
 * a process that no longer runs on this host (killed, crashed) is stale and taken over.
 *
 * @example
 * ```ts
 * const lock = await RunFolderLock.acquire('results/seed/2026-12-08T04-00-00Z');
 * try { … } finally { await lock.release(); }
 * ```
 */
export class RunFolderLock {
  private constructor(
    readonly file: string,
    private readonly holder: LockHolder,
  ) {}

  static async acquire(folder: string, now = new Date()): Promise<RunFolderLock> {
    const file = join(folder, 'lock');
    const holder: LockHolder = { pid: process.pid, host: hostname(), started: now.toISOString() };
    for (let attempt = 0; ; attempt++) {
      try {
        const handle = await openRegularFile(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
        try {
          await handle.writeFile(`${JSON.stringify(holder)}\n`);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return new RunFolderLock(file, holder);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw lockError(file, error);
      }
      const other = await readHolder(file);
      if (attempt === 0 && other && other.host === holder.host && !isRunning(other.pid)) {
        await unlink(file).catch(() => {});
        continue;
      }
      throw new CliError(
        other
          ? `the run folder "${folder}" is in use by process ${other.pid} on ${other.host} (since ${other.started}); ` +
              `wait for it to finish, or, if that process no longer runs, delete "${file}" and try again`
          : `the run folder "${folder}" is in use: "${file}" exists but names no process; if no synthgrad runs on that folder, delete it and try again`,
      );
    }
  }

  /** Removes the lock file if it is still this process's. */
  async release(): Promise<void> {
    const current = await readHolder(this.file);
    if (current && current.pid === this.holder.pid && current.host === this.holder.host && current.started === this.holder.started) {
      await unlink(this.file).catch(() => {});
    }
  }
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const value = JSON.parse((await readRegularFile(file, 4096)).toString('utf8')) as Partial<LockHolder> | null;
    if (value && Number.isSafeInteger(value.pid) && typeof value.host === 'string' && typeof value.started === 'string') return value as LockHolder;
  } catch {
    // An unreadable lock still holds the folder: it is reported as naming no process.
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockError(file: string, error: unknown): Error {
  if (error instanceof CliError) return error;
  return new CliError(`cannot create the lock "${file}": ${(error as Error).message}`);
}

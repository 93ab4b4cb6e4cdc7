import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../src/cli/runCli.js';
import type { RunRecord } from '../src/RunRecord.js';

export const appDir = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (name: string) => join(appDir, 'test', 'fixtures', name);
export const bin = join(appDir, 'bin', 'synthgrad.mjs');

export function tempDir(prefix = 'synthgrad-compare-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the CLI in this process, capturing what it prints. */
export async function cli(argv: readonly string[], cwd = appDir): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false, cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Starts `node bin/synthgrad.mjs …` as a child process (from source, as users of the repo run it). */
export function spawnCli(argv: readonly string[], cwd = appDir): { child: ChildProcess; done: Promise<CliResult> } {
  const env = { ...process.env };
  delete env.npm_lifecycle_event;
  const child = spawn(process.execPath, [bin, ...argv], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : -1), out, err }));
  });
  return { child, done };
}

/** The single run folder `<out>/<suite>/<timestamp>` (undefined while none exists). */
export function runFolder(out: string, suite: string): string | undefined {
  const dir = join(out, suite);
  if (!existsSync(dir)) return undefined;
  const folders = readdirSync(dir);
  if (folders.length > 1) throw new Error(`expected one run folder in ${dir}, found ${folders.join(', ')}`);
  return folders.length ? join(dir, folders[0]) : undefined;
}

export function readRecords(folder: string): RunRecord[] {
  const file = join(folder, 'results.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RunRecord);
}

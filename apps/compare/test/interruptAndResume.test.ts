import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRecords, runFolder, spawnCli, tempDir } from './helpers.js';

/** Resolves once `condition` holds, polling. */
async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('Ctrl-C and --resume (the CLI as a child process)', () => {
  it('keeps finished runs on SIGINT, exits 130 with how to resume; --resume runs only the rest', async () => {
    const out = tempDir();
    // One worker and enough epochs that runs take a while: SIGINT lands with runs still to do.
    const first = spawnCli(['compare', 'seed-smoke', '--out', out, '--workers', '1', '--epochs', '100', '--seeds', '1,2']);
    let folder: string | undefined;
    await until(() => (folder = runFolder(out, 'seed-smoke')) !== undefined && readRecords(folder).length >= 1, 60_000, 'a first result');
    first.child.kill('SIGINT');
    const interrupted = await first.done;
    expect(interrupted.code, interrupted.err).toBe(130);
    expect(interrupted.err).toContain(`synthgrad compare --resume ${folder}`);
    const kept = readRecords(folder!);
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(8);
    expect(existsSync(join(folder!, 'summary.csv')), 'summary of what finished').toBe(true);
    const keptLines = readFileSync(join(folder!, 'results.jsonl'), 'utf8');

    const resumed = await spawnCli(['compare', '--resume', folder!, '--workers', '2']).done;
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toContain(`Resuming: ${kept.length} of 8 runs already finished, ${8 - kept.length} to do`);
    const all = readRecords(folder!);
    const pairs = all.map((r) => `${r.label} / ${r.seed}`);
    expect(pairs).toHaveLength(8);
    expect(new Set(pairs).size, 'every (label, seed) exactly once').toBe(8);
    expect(readFileSync(join(folder!, 'results.jsonl'), 'utf8').startsWith(keptLines), 'finished runs were not redone').toBe(true);
    expect(readFileSync(join(folder!, 'summary.csv'), 'utf8').trim().split('\n')).toHaveLength(5);
    expect(resumed.out).toContain('8 of 8 runs recorded');
    // Two child processes training 8 runs: a bound for a loaded machine, not a speed target.
  }, 180_000);

  it('refuses to change a resumed suite', async () => {
    const { code, err } = await spawnCli(['compare', '--resume', tempDir(), '--epochs', '3']).done;
    expect(code).toBe(2);
    expect(err).toMatch(/--resume runs the suite recorded in .*suite\.json; --epochs cannot change it/);
  });
});

describe('bin/synthgrad.mjs from the source tree', () => {
  it('prints help for the program and each command', async () => {
    const main = await spawnCli(['--help']).done;
    expect(main.code).toBe(0);
    expect(main.out).toContain('Usage: synthgrad [options] [command]');
    expect(main.out).toMatch(/compare \[options\] \[suite\]/);
    const compare = await spawnCli(['compare', '--help']).done;
    for (const option of ['--seeds <n|list>', '--epochs <n>', '--out <dir>', '--workers <n>', '--backend <name>', '--resume <folder>', '--plugin <path>', '--quiet']) {
      expect(compare.out).toContain(option);
    }
    const list = await spawnCli(['list', '--help']).done;
    expect(list.out).toContain('--plugin <path>');
  });

  it('prints the version of its package.json with --version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const result = await spawnCli(['--version']).done;
    expect(result.code).toBe(0);
    expect(result.out.trim()).toBe(version);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir, cli, fixture, readRecords, runFolder, spawnCli, tempDir } from './helpers.js';

const smokeText = readFileSync(join(appDir, 'suites', 'seed-smoke.json'), 'utf8');

/** A refusal: exit 2, one message starting "synthgrad:", no stack trace. */
function expectRefusal(result: { code: number; err: string }, message: string | RegExp): void {
  expect(result.code, result.err).toBe(2);
  expect(result.err).toMatch(typeof message === 'string' ? new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : message);
  expect(result.err).not.toMatch(/\n\s+at /);
  expect(result.err).not.toContain('unexpected error');
}

/** A finished seed-smoke folder: 1 seed, 1 epoch, 4 runs. */
async function finishedFolder(): Promise<string> {
  const out = tempDir();
  const { code, err } = await cli(['compare', 'seed-smoke', '--out', out, '--workers', '1', '--epochs', '1', '--seeds', '1', '--quiet']);
  expect(code, err).toBe(0);
  return runFolder(out, 'seed-smoke')!;
}

describe('command-line bounds', () => {
  it.each([
    [['--seeds', '100000000'], '--seeds: at most 10000 seeds per configuration, got 100000000'],
    [['--seeds', '10000000000'], '--seeds: at most 10000 seeds per configuration, got 10000000000'],
    [['--epochs', '0'], '--epochs: expected an integer from 1 to 1000000 in decimal digits, got "0"'],
    [['--epochs', '0x2'], '--epochs: expected an integer from 1 to 1000000 in decimal digits, got "0x2"'],
    [['--workers', '100000'], '--workers: expected an integer from 1 to 256'],
    [['--out', ''], '--out: expected a folder for results, got an empty string'],
  ])('compare seed-smoke %j is refused', async (flags, message) => {
    const cwd = tempDir();
    expectRefusal(await cli(['compare', 'seed-smoke', ...flags], cwd), message);
  });

  it('names a folder given as the suite, and points a run folder to --resume', async () => {
    const dir = tempDir();
    expectRefusal(await cli(['compare', dir]), `suite "${dir}" is a folder, not a suite file`);
    writeFileSync(join(dir, 'suite.json'), smokeText);
    expectRefusal(await cli(['compare', dir]), `to finish that run folder, give --resume ${dir}`);
  });
});

describe('suite values that JSON or the stack cannot hold', () => {
  it('reports epochs: 1e400 as too large, not as null', async () => {
    const dir = tempDir();
    const file = join(dir, 'suite.json');
    writeFileSync(file, smokeText.replace('"epochs": 3', '"epochs": 1e400'));
    expectRefusal(await cli(['compare', file, '--out', join(dir, 'r')]), 'training.epochs: expected a number, got Infinity (a number too large for a double)');
  });

  it('refuses a generatorInput nested 3,000 deep before anything recurses into it', async () => {
    const dir = tempDir();
    const suite = JSON.parse(smokeText) as { runs: { options?: Record<string, unknown> }[] };
    suite.runs[2].options = { generatorInput: 'NESTED' };
    // Written as text: JSON.stringify itself overflows the stack at this depth.
    const nested = '{"name":"combination","options":{"inputs":['.repeat(3000) + '"labels"' + ']}}'.repeat(3000);
    const file = join(dir, 'suite.json');
    writeFileSync(file, JSON.stringify(suite).replace('"NESTED"', nested));
    expectRefusal(await cli(['compare', file, '--out', join(dir, 'r')]), /runs\[2\]\.options\.generatorInput\.options\.inputs.*: nested more than 64 levels deep/);
  });

  it('refuses hostile learning-rate schedules while checking, with a short message', async () => {
    const dir = tempDir();
    const file = join(dir, 'suite.json');
    writeFileSync(file, smokeText.replace('"learningRate": 0.1', '"learningRate": "size(zeros(30000,30000))[1]*0+0.1"'));
    const result = await cli(['compare', file, '--out', join(dir, 'r')]);
    expectRefusal(result, 'network.learningRate (configuration "backprop"): "size(zeros(30000,30000))[1]*0+0.1" only arithmetic');
    expect(result.err.length).toBeLessThan(4000);
  });
});

describe('a damaged results log', () => {
  it('refuses a null line in the middle on --resume, naming the line, and changes nothing', async () => {
    const folder = await finishedFolder();
    const file = join(folder, 'results.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(1, 0, 'null');
    writeFileSync(file, lines.join('\n'));
    const before = readFileSync(file, 'utf8');
    expectRefusal(await cli(['compare', '--resume', folder, '--quiet']), `${file}:2: not a run record (expected a JSON object, got null). The file's 4 other records are intact`);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('redoes a last record cut short but ending in a newline, and the run folder stays resumable', async () => {
    const folder = await finishedFolder();
    const file = join(folder, 'results.jsonl');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    writeFileSync(file, `${lines.slice(0, 3).join('\n')}\n${lines[3].slice(0, 40)}\n`);
    const resumed = await cli(['compare', '--resume', folder, '--workers', '1']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.err).toContain('cut off line 4');
    expect(resumed.out).toContain('4 of 4 runs recorded');
    expect(readRecords(folder)).toHaveLength(4);
    expect((await cli(['compare', '--resume', folder, '--quiet'])).code).toBe(0);
  });

  it('refuses --resume when suite.json was edited after its runs were recorded', async () => {
    const folder = await finishedFolder();
    const suiteFile = join(folder, 'suite.json');
    writeFileSync(suiteFile, readFileSync(suiteFile, 'utf8').replace('"epochs": 1', '"epochs": 25'));
    expectRefusal(
      await cli(['compare', '--resume', folder, '--quiet']),
      /suite\.json no longer matches the runs recorded in results\.jsonl \("backprop" seed 1: training differ;.*Restore suite\.json/,
    );
  });
});

describe('I/O errors while writing results', () => {
  it('says what failed, keeps what was written and prints the resume command (exit 2)', async () => {
    const folder = await finishedFolder();
    const log = join(folder, 'results.jsonl');
    const kept = readFileSync(log, 'utf8');
    // One more seed to run, and a plugin that breaks the log from inside the worker.
    const suiteFile = join(folder, 'suite.json');
    const suite = JSON.parse(readFileSync(suiteFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(suiteFile, JSON.stringify({ ...suite, seeds: [1, 2], plugins: [fixture('break-results-log.js')] }));
    process.env.SYNTHGRAD_TEST_BREAK_LOG = log;
    let result;
    try {
      result = await cli(['compare', '--resume', folder, '--workers', '1', '--quiet']);
    } finally {
      delete process.env.SYNTHGRAD_TEST_BREAK_LOG;
    }
    expectRefusal(result, `cannot write "${log}": EISDIR`);
    expect(result.err).toContain(`synthgrad compare --resume ${folder}`);
    expect(kept.trim().split('\n')).toHaveLength(4);
  });
});

describe('plugins run code', () => {
  it('--help says so and names check --no-plugins', async () => {
    const help = await cli(['--help']);
    expect(help.out).toContain('Plugins run code');
    expect(help.out).toContain('synthgrad check <suite> --no-plugins');
  });

  it('check --no-plugins checks the schema and imports nothing; check imports and names them', async () => {
    const dir = tempDir();
    const marker = join(dir, 'imported');
    const plugin = join(dir, 'plugin.mjs');
    writeFileSync(plugin, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'yes');\nexport default { id: 1, load() {} };\n`);
    writeFileSync(join(dir, 'suite.json'), JSON.stringify({ ...(JSON.parse(smokeText) as object), plugins: ['./plugin.mjs'] }));
    const dry = await cli(['check', join(dir, 'suite.json'), '--no-plugins'], dir);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain(`Not imported (--no-plugins): ${plugin}`);
    expect(() => readFileSync(marker)).toThrow();
    const full = await cli(['check', join(dir, 'suite.json')], dir);
    expect(full.err).toContain(`a plugin runs its own code: ${plugin}`);
    expect(readFileSync(marker, 'utf8')).toBe('yes');
  });
});

describe('a plugin whose imports do not resolve', () => {
  it.each(['plugin.js', 'plugin.ts'])(
    'from the source tree, %s in a folder without package.json: the message names the missing package',
    async (name) => {
      const dir = tempDir();
      const plugin = join(dir, name);
      writeFileSync(plugin, "import { ContainerModule } from 'inversify';\nexport default new ContainerModule(() => {});\n");
      const { code, err } = await spawnCli(['list', '--plugin', plugin], dir).done;
      expect(code, err).toBe(2);
      expect(err).toContain(`plugin "${plugin}" failed to load: Cannot find module 'inversify'`);
      expect(err).not.toContain('in a cycle');
    },
  );
});

describe('main.ts', () => {
  it('drains stdout before exiting: 300 kB of output arrive whole through a pipe', async () => {
    const plugin = fixture('many-datasets.js');
    const { code, out } = await spawnCli(['list', '--plugin', plugin]).done;
    expect(code).toBe(0);
    expect(out.length).toBeGreaterThan(300_000);
    expect(out).toContain('many-2999');
    expect(out).toContain(`* added by a plugin (${plugin})`);
  });
});

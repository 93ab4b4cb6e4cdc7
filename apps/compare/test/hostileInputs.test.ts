import { execFileSync, spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
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

/** Writes a suite file beside `dir` from seed-smoke with `changes`; returns its path. */
function smokeSuite(dir: string, changes: Record<string, unknown>): string {
  const file = join(dir, 'suite.json');
  writeFileSync(file, JSON.stringify({ ...(JSON.parse(smokeText) as object), ...changes }));
  return file;
}

describe('files outside the run folder', () => {
  it('refuses a results.jsonl that is a symbolic link on --resume: the target is neither cut nor shown', async () => {
    const folder = await finishedFolder();
    const secret = join(tempDir(), 'secret.txt');
    writeFileSync(secret, 'root:x:0:0:TOP-SECRET\nlast line without a newline');
    rmSync(join(folder, 'results.jsonl'));
    symlinkSync(secret, join(folder, 'results.jsonl'));
    const result = await cli(['compare', '--resume', folder, '--quiet']);
    expectRefusal(result, `"${join(folder, 'results.jsonl')}" is a symbolic link`);
    expect(result.err).not.toContain('TOP-SECRET');
    expect(readFileSync(secret, 'utf8')).toBe('root:x:0:0:TOP-SECRET\nlast line without a newline');
  });

  it.each(['summary.csv', 'report.html'])('never writes through a %s that is a symbolic link', async (name) => {
    const folder = await finishedFolder();
    const victim = join(tempDir(), 'victim');
    writeFileSync(victim, 'keep me');
    rmSync(join(folder, name));
    symlinkSync(victim, join(folder, name));
    const result = await cli(['compare', '--resume', folder, '--quiet']);
    expectRefusal(result, 'is a symbolic link');
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
  });

  it('refuses a results.jsonl that is a hard link to another file, and leaves that file as it was', async () => {
    const folder = await finishedFolder();
    const other = join(folder, '..', 'other.txt');
    writeFileSync(other, 'not a record');
    rmSync(join(folder, 'results.jsonl'));
    linkSync(other, join(folder, 'results.jsonl'));
    expectRefusal(await cli(['compare', '--resume', folder, '--quiet']), 'has 2 names (a hard link to another file)');
    expect(readFileSync(other, 'utf8')).toBe('not a record');
  });

  it('refuses a results.jsonl that is a FIFO at once, without waiting on it', async () => {
    const folder = await finishedFolder();
    rmSync(join(folder, 'results.jsonl'));
    execFileSync('mkfifo', [join(folder, 'results.jsonl')]);
    const started = Date.now();
    expectRefusal(await cli(['compare', '--resume', folder, '--quiet']), `"${join(folder, 'results.jsonl')}" is not a regular file`);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('check refuses a suite that is a FIFO at once', async () => {
    const fifo = join(tempDir(), 'suite.json');
    execFileSync('mkfifo', [fifo]);
    expectRefusal(await cli(['check', fifo]), `suite "${fifo}" is not a regular file`);
  });

  it('refuses a run folder suite.json that is a symbolic link', async () => {
    const folder = await finishedFolder();
    const elsewhere = join(tempDir(), 'suite.json');
    writeFileSync(elsewhere, readFileSync(join(folder, 'suite.json')));
    rmSync(join(folder, 'suite.json'));
    symlinkSync(elsewhere, join(folder, 'suite.json'));
    expectRefusal(await cli(['compare', '--resume', folder, '--quiet']), 'it is a symbolic link');
  });

  it('check of an MNIST suite whose files are FIFOs ends at once with a refusal (no hang)', async () => {
    const dir = tempDir();
    const data = join(dir, 'mnist');
    mkdirSync(data);
    for (const name of ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']) execFileSync('mkfifo', [join(data, name)]);
    const file = smokeSuite(dir, { dataset: { name: 'mnist', options: { dataDir: data, trainSize: 10, testSize: 10 } }, runs: [{ label: 'backprop', trainer: 'backprop' }] });
    const { code, err } = await spawnCli(['check', file], dir).done;
    expect(code, err).toBe(2);
    expect(err).toContain('not a regular file (a FIFO)');
  }, 60_000);
});

describe('two processes on one folder', () => {
  it('refuses a second process on a run folder, naming the holder; a lock of a dead process is taken over', async () => {
    const folder = await finishedFolder();
    const holder = spawn('sleep', ['60']);
    try {
      const started = '2026-12-08T04:00:00.000Z';
      writeFileSync(join(folder, 'lock'), JSON.stringify({ pid: holder.pid, host: hostname(), started }));
      expectRefusal(await cli(['compare', '--resume', folder, '--quiet']), `is in use by process ${holder.pid} on ${hostname()} (since ${started})`);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    const resumed = await cli(['compare', '--resume', folder, '--quiet']);
    expect(resumed.code, resumed.err).toBe(0);
    expect(existsSync(join(folder, 'lock')), 'the lock is released').toBe(false);
  });

  it('gives two suites started in the same second folders of their own', async () => {
    const out = tempDir();
    const [a, b] = await Promise.all([0, 1].map(() => cli(['compare', 'seed-smoke', '--out', out, '--workers', '1', '--epochs', '1', '--seeds', '1', '--quiet'])));
    expect(a.code, a.err).toBe(0);
    expect(b.code, b.err).toBe(0);
    const folders = readdirSync(join(out, 'seed-smoke'));
    expect(folders).toHaveLength(2);
    for (const folder of folders) expect(readRecords(join(out, 'seed-smoke', folder))).toHaveLength(4);
  }, 120_000);
});

describe('two things with one name', () => {
  it('check refuses labels that map to one folder name', async () => {
    const dir = tempDir();
    const file = smokeSuite(dir, { runs: ['dni labels', 'dni/labels'].map((label) => ({ label, trainer: 'backprop' })) });
    expectRefusal(await cli(['check', file]), 'runs[1].label "dni/labels": its folder name "dni_labels" is also that of runs[0] ("dni labels")');
  });
});

describe('work lost on the way', () => {
  it('SIGTERM stops like Ctrl-C: summary written, exit 130, and the resume hint keeps --save-weights and --workers', async () => {
    const out = tempDir();
    const first = spawnCli(['compare', 'seed-smoke', '--out', out, '--workers', '1', '--epochs', '100', '--seeds', '1,2', '--save-weights']);
    let folder: string | undefined;
    const started = Date.now();
    while (!((folder = runFolder(out, 'seed-smoke')) !== undefined && readRecords(folder).length >= 1)) {
      if (Date.now() - started > 60_000) throw new Error('no first result');
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    expect(stopped.code, stopped.err).toBe(130);
    expect(stopped.err).toContain(`synthgrad compare --resume ${folder} --workers 1 --save-weights`);
    expect(existsSync(join(folder!, 'summary.csv'))).toBe(true);
    expect(existsSync(join(folder!, 'lock')), 'the lock is released').toBe(false);
  }, 120_000);

  it('a run whose thread dies late keeps the epochs it finished', async () => {
    const dir = tempDir();
    const file = smokeSuite(dir, {
      plugins: [fixture('dying-input.js')],
      seeds: [1],
      training: { epochs: 6, batchSize: 10 },
      runs: [{ label: 'dying', trainer: 'dni', options: { generatorInput: 'dying', generatorLearningRate: 0.001 } }],
    });
    const result = await cli(['compare', file, '--out', join(dir, 'out'), '--workers', '1', '--quiet']);
    expect(result.code, result.err).toBe(1);
    const [record] = readRecords(runFolder(join(dir, 'out'), 'seed-smoke')!);
    expect(record.status).toBe('failed');
    expect(record.history.length).toBeGreaterThanOrEqual(1);
    expect(record.history.length).toBeLessThan(6);
  }, 60_000);

  it('check refuses a label over 255 characters before any training', async () => {
    const dir = tempDir();
    const file = smokeSuite(dir, { runs: [{ label: 'x'.repeat(300), trainer: 'backprop' }] });
    expectRefusal(await cli(['check', file]), '300 characters; a label names a folder and holds at most 255');
  });
});

describe('sizes nobody bounded', () => {
  it('check refuses a sweep of 10^9 combinations at once, and swept epochs past the limit', async () => {
    const dir = tempDir();
    const space = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`options.o${i}`, Array.from({ length: 10 }, (_, j) => j)]));
    const started = Date.now();
    expectRefusal(await cli(['check', smokeSuite(dir, { sweep: { space } })]), 'the sweep gives more than 10000 configurations');
    expect(Date.now() - started).toBeLessThan(10_000);
    expectRefusal(await cli(['check', smokeSuite(dir, { sweep: { space: { 'training.epochs': [1e12] } } })]), 'sweep of "backprop": training.epochs = 1000000000000');
    expectRefusal(await cli(['check', smokeSuite(dir, { sweep: { samples: 1e9, space: { 'network.learningRate': [0.1] } } })]), 'sweep.samples: at most 10000');
  });

  it('check and compare refuse a data set of 2·10^7 sums before generating it, naming the option and the bound', async () => {
    const dir = tempDir();
    const file = smokeSuite(dir, { dataset: { name: 'binary-addition', options: { bits: 26, trainSize: 2e7, testSize: 20 } } });
    const message = 'dataset.options: binary-addition.trainSize: trainSize + testSize + validationSize = 20000000 + 20 + 0 = 20000020 examples, but at most 10000000 are made';
    expectRefusal(await cli(['check', file]), message);
    expectRefusal(await cli(['compare', file, '--out', join(dir, 'out'), '--quiet']), message);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('injection into what users open', () => {
  it('summary.csv neutralises a formula label', async () => {
    const dir = tempDir();
    const file = smokeSuite(dir, { seeds: [1], training: { epochs: 1, batchSize: 10 }, runs: [{ label: '=HYPERLINK("http://x")', trainer: 'backprop' }] });
    const result = await cli(['compare', file, '--out', join(dir, 'out'), '--workers', '1', '--quiet']);
    expect(result.code, result.err).toBe(0);
    const csv = readFileSync(join(runFolder(join(dir, 'out'), 'seed-smoke')!, 'summary.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('check refuses labels with terminal control codes, and prints none of them', async () => {
    const dir = tempDir();
    const result = await cli(['check', smokeSuite(dir, { runs: [{ label: 'x\u001b]0;pwned\u0007\nsynthgrad: ok', trainer: 'backprop' }] })]);
    expectRefusal(result, 'holds a control character');
    expect(result.err).not.toMatch(/[\u0007\u001b]/);
  });
});

describe('plugins that lie', () => {
  it('a plugin whose import never settles ends in a refusal naming it, not exit 13', async () => {
    const plugin = fixture('never-settles.js');
    const env = { ...process.env, SYNTHGRAD_PLUGIN_TIMEOUT_MS: '1500' };
    const child = spawn(process.execPath, [join(appDir, 'bin', 'synthgrad.mjs'), 'list', '--plugin', plugin], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, err).toBe(2);
    expect(err).toContain(`plugin "${plugin}" failed to load: its import did not finish within 1.5 s`);
  }, 60_000);

  it('a syntax error names the file and line', async () => {
    const plugin = fixture('syntax-error.js');
    const result = await spawnCli(['list', '--plugin', plugin]).done;
    expectRefusal(result, `plugin "${plugin}" failed to load: Unexpected token '*', at ${plugin}:3`);
    expect(result.err).toContain('load() { return 1 +* 2; },');
  });
});

describe('messages that break or leak', () => {
  it('names a swept network.layers of ["nope"] and stages "2" in schema terms, not "is not a function"', async () => {
    const dir = tempDir();
    const layers = await cli(['check', smokeSuite(dir, { sweep: { space: { 'network.layers': ['nope'] } } })]);
    expectRefusal(layers, 'sweep of "backprop": network.layers = "nope": expected an array');
    const stages = await cli(['check', smokeSuite(dir, { runs: [{ label: 'dni', trainer: 'dni', options: { generatorInput: 'labels', stages: '2' } }] })]);
    expectRefusal(stages, 'runs[0].options.stages (configuration "dni"): expected a number of stages (an integer ≥ 1)');
    expect(`${layers.err}${stages.err}`).not.toContain('is not a function');
  });
});

describe('plugins that lie: generator inputs', () => {
  it('a plugin input that returns a wrong-sized object or an array is refused before any run, naming the input and its plugin', async () => {
    const dir = tempDir();
    const plugin = fixture('lying-input.js');
    const file = smokeSuite(dir, {
      plugins: [plugin],
      seeds: [1],
      training: { epochs: 1, batchSize: 10 },
      runs: ['three-numbers', 'an-array'].map((name) => ({ label: name, trainer: 'dni', options: { generatorInput: name, generatorLearningRate: 0.001 } })),
    });
    const result = await cli(['compare', file, '--out', join(dir, 'out'), '--workers', '1', '--quiet']);
    expect(result.code, result.err).toBe(2);
    expect(result.err).toContain(`generator input "three-numbers" (plugin ${plugin}): features() returned a 1×3 matrix; expected 2×`);
    expect(result.err).toContain(`generator input "an-array" (plugin ${plugin}): features() returned an array of 3, not a matrix`);
    expect(runFolder(join(dir, 'out'), 'seed-smoke')).toBeUndefined();
  });
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir, cli, tempDir } from './helpers.js';

const smoke = JSON.parse(readFileSync(join(appDir, 'suites', 'seed-smoke.json'), 'utf8')) as Record<string, unknown> & {
  runs: Record<string, unknown>[];
};

/** Writes a variant of seed-smoke and runs `compare` on it; nothing may be trained or written. */
async function compareVariant(change: (suite: typeof smoke) => unknown) {
  const dir = tempDir();
  const file = join(dir, 'suite.json');
  writeFileSync(file, JSON.stringify(change(structuredClone(smoke)), null, 2));
  const result = await cli(['compare', file, '--out', join(dir, 'results'), '--workers', '1']);
  expect(existsSync(join(dir, 'results')), 'no output folder for a suite that cannot run').toBe(false);
  return result;
}

describe('a bad suite fails before any training', () => {
  it('names the JSON path, the value found and what was expected', async () => {
    const { code, err } = await compareVariant((s) => ({
      ...s,
      training: { epochs: 'ten', batchSize: 10 },
      network: { ...(s.network as object), learningRate: true },
      runs: [{ ...s.runs[0], colour: 'red' }, { label: 'no trainer' }],
    }));
    expect(code).toBe(2);
    expect(err).toContain('no run was started');
    expect(err).toContain('training.epochs: expected a number, got "ten"');
    expect(err).toContain('network.learningRate: expected a number or a string, got true');
    expect(err).toMatch(/runs\[0\]\.colour: unknown key "colour"; expected only "label", "trainer"/);
    expect(err).toContain('runs[1].trainer: expected a string, got nothing');
  });

  it('rejects duplicate labels and a name that is not kebab-case', async () => {
    const { code, err } = await compareVariant((s) => ({ ...s, name: 'Seed Smoke', runs: [s.runs[0], s.runs[0]] }));
    expect(code).toBe(2);
    expect(err).toContain('name: expected a kebab-case name such as "seed-smoke", got "Seed Smoke"');
    expect(err).toContain('runs[1].label: duplicate label (runs[0] has it too)');
  });

  it('names an unknown generator input inside a combination and lists the known ones', async () => {
    const { code, err } = await compareVariant((s) => {
      s.runs[3].options = { generatorInput: ['labels', 'lables'] };
      return s;
    });
    expect(code).toBe(2);
    expect(err).toContain('runs[3].options.generatorInput[1] (configuration "cDNI (labels + batch-normalized-output)")');
    expect(err).toContain('unknown generator input "lables"; known: "batch-normalized-output", "combination", "inputs", "labels", "layer-output"');
  });

  it('names an unknown trainer, dataset and activation', async () => {
    const { err } = await compareVariant((s) => {
      s.runs[0].trainer = 'backprob';
      s.runs[1].network = { layers: [{ units: 16, activation: 'sigmod' }, { units: 8 }, { units: 4 }] };
      return s;
    });
    expect(err).toContain('runs[0].trainer (configuration "backprop"): unknown trainer "backprob"; known: "backprop", "direct-feedback-alignment", "dni", "feedback-alignment", "last-layer-only"');
    expect(err).toMatch(/runs\[1\]\.network\.layers\[0\]\.activation .*unknown activation "sigmod"; known: .*"sigmoid"/);
    const dataset = await compareVariant((s) => ({ ...s, dataset: { name: 'mnsit' } }));
    expect(dataset.err).toContain('dataset.name: unknown dataset "mnsit"; known: "arrays", "binary-addition", "mnist"');
  });

  it('checks learning-rate schedules (mathjs expressions of epoch and step) up front', async () => {
    const { code, err } = await compareVariant((s) => {
      s.runs[0].network = { learningRate: '0.1 * 0.5 ^ floor(epoch / 10' };
      s.runs[1].options = { generatorLearningRate: '0.01 * epochs' };
      s.runs[2].options = { generatorLearningRate: '0.01 - 0.01 * epoch' };
      return s;
    });
    expect(code).toBe(2);
    expect(err).toMatch(/runs\[0\]\.network\.learningRate .*"0\.1 \* 0\.5 \^ floor\(epoch \/ 10" does not parse/);
    expect(err).toContain('uses "epochs"; only epoch, step and the constants pi, e,');
    expect(err).toMatch(/runs\[2\]\.options\.generatorLearningRate .*gave -0\.01 with epoch = 2/);
  });

  it('checks sizes and the paper-style table: their fields, tags that exist, one configuration per cell', async () => {
    const { code, err } = await compareVariant((s) => {
      s.runs[0].tags = { method: 'backprop', layers: 2 };
      s.runs[1].tags = { method: 'DNI', layers: 2 };
      s.runs[2].tags = { method: 'DNI', layers: 2 };
      s.runs[3].tags = { method: ['cDNI'] };
      return {
        ...s,
        table: { rows: 'method', columns: 'depth', metric: 'testLoss' },
        sizes: { Quick: { training: { epochs: 2 } }, small: { epochs: 2, training: { epochs: -1 } } },
      };
    });
    expect(code).toBe(2);
    expect(err).toContain('runs[3].tags.method: expected a string or a number or a boolean, got ["cDNI"]');
    expect(err).toMatch(/table\.metric: .*"testError".*"testAccuracy".*got "testLoss"/);
    expect(err).toContain('sizes.Quick: expected a kebab-case name such as "seed-smoke", got the name "Quick"');
    expect(err).toMatch(/sizes\.small\.epochs: unknown key "epochs"; expected only "description", "dataset", "network", "training", "seeds"/);
    expect(err).toContain('sizes.small.training.epochs: expected number to be >=0, got -1');
    const seeds = await compareVariant((s) => ({ ...s, sizes: { quick: { seeds: [1, 1] } } }));
    expect(seeds.err).toContain('sizes.quick.seeds[1]: duplicate seed');
    const table = await compareVariant((s) => {
      s.runs[0].tags = { method: 'backprop', layers: 2 };
      s.runs[1].tags = { method: 'DNI', layers: 2 };
      s.runs[2].tags = { method: 'DNI', layers: 2 };
      return { ...s, table: { rows: 'method', columns: 'depth' } };
    });
    expect(table.err).toContain('table.columns: no configuration has the tag "depth" (tags used: "method", "layers")');
    const cell = await compareVariant((s) => {
      s.runs[1].tags = { method: 'DNI', layers: 2 };
      s.runs[2].tags = { method: 'DNI', layers: 2 };
      return { ...s, table: { rows: 'method', columns: 'layers' } };
    });
    expect(cell.err).toContain('runs[2].tags: runs[1] has the same method (DNI) and layers (2); a table cell holds one configuration');
  });

  it('reports what only building the trainer finds (a bad option), naming the configuration', async () => {
    const { err } = await compareVariant((s) => {
      s.runs[1].options = { generatorInput: 'labels', updateProbability: 2 };
      return s;
    });
    expect(err).toContain('runs[1] (configuration "DNI (layer-output)"): cannot build the trainer: dni.updateProbability: expected a number in (0, 1], got 2');
  });

  it('fails on JSON that does not parse, and on an unknown suite name listing the built-in ones', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'broken.json'), '{ "name": ');
    const broken = await cli(['compare', join(dir, 'broken.json')]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('not valid JSON');
    const unknown = await cli(['compare', 'sed']);
    expect(unknown.err).toMatch(/unknown suite "sed".*built-in suites: .*"seed", "seed-generator-sweep", "seed-smoke"/);
  });

  it('reports five different mistakes in one round: a schema problem, unknown names and a bad option, each with a near name', async () => {
    const dir = tempDir();
    const file = join(dir, 'suite.json');
    const s = structuredClone(smoke);
    s.runs[0].traning = { epochs: 2 };
    s.runs[1].trainer = 'dnii';
    s.runs[2].options = { generatorInput: 'lables' };
    s.runs[3].network = { layers: [{ units: 16, activation: 'sigmod' }, { units: 8 }, { units: 4 }] };
    s.runs[3].options = { generatorInput: 'labels', updateProbability: 2 };
    writeFileSync(file, JSON.stringify(s, null, 2));
    const { code, err } = await cli(['check', file]);
    expect(code).toBe(2);
    expect(err).toContain(': 5 problems');
    const lines = err.split('\n').filter((line) => line.startsWith('  - '));
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}- runs\[0\]\.traning: unknown key "traning"; expected only .*; did you mean "training"\?$/),
      expect.stringMatching(/^ {2}- runs\[1\]\.trainer \(configuration "DNI \(layer-output\)"\): unknown trainer "dnii"; known: .*; did you mean "dni"\?$/),
      expect.stringMatching(/^ {2}- runs\[2\]\.options\.generatorInput \(configuration "cDNI \(labels\)"\): unknown generator input "lables"; .*; did you mean "labels"\?$/),
      expect.stringMatching(/^ {2}- runs\[3\]\.network\.layers\[0\]\.activation \(configuration .*\): unknown activation "sigmod"; .*; did you mean "sigmoid"\?$/),
      expect.stringMatching(/^ {2}- runs\[3\] \(configuration .*\): cannot build the trainer: dni\.updateProbability: expected a number in \(0, 1\], got 2$/),
    ]);
  });

  it('reports an unknown backend with the other problems of a suite', async () => {
    const dir = tempDir();
    const file = join(dir, 'suite.json');
    writeFileSync(file, JSON.stringify({ ...smoke, backend: 'wsam', runs: [{ ...smoke.runs[0], trainer: 'backprob' }] }));
    const { code, err } = await cli(['check', file]);
    expect(code).toBe(2);
    expect(err).toContain(': 2 problems');
    expect(err).toMatch(/ {2}- backend: unknown tensor backend "wsam"; known: .*; did you mean "wasm"\?\n/);
    expect(err).toMatch(/ {2}- runs\[0\]\.trainer \(configuration "backprop"\): unknown trainer "backprob"; .*; did you mean "backprop"\?/);
  });

  it('rejects bad command-line values', async () => {
    expect((await cli(['compare', 'seed-smoke', '--seeds', 'two'])).err).toContain('--seeds: expected a count');
    expect((await cli(['compare', 'seed-smoke', '--workers', '0'])).err).toContain('--workers: expected an integer from 1 to 256 in decimal digits, got "0"');
    expect((await cli(['compare', 'seed-smoke', '--backend', 'gpu'])).err).toContain('unknown tensor backend "gpu"; known: "cpu", "mathjs", "wasm"');
    expect((await cli(['compare', 'seed-smoke', '--dtype', 'float16'])).err).toContain('--dtype float16: must be float64 or float32');
    const mathjs32 = (await cli(['compare', 'seed-smoke', '--backend', 'mathjs', '--dtype', 'float32'])).err;
    expect(mathjs32).toContain('dtype float32 on backend "mathjs": a problem');
    expect(mathjs32).toContain("backend 'mathjs' has no float32 matrices; it offers float64 (float32 runs on 'cpu' and 'wasm')");
  });
});

describe('the output folder', () => {
  it('fails early, naming the path, when it cannot be created (a path under a file)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    const out = join(dir, 'a-file', 'results');
    const { code, err } = await cli(['compare', 'seed-smoke', '--out', out]);
    expect(code).toBe(2);
    expect(err).toContain(`cannot write the output folder "${join(out, 'seed-smoke')}`);
    expect(err).toContain('a part of the path is a file, not a folder');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir, cli, fixture, readRecords, runFolder, tempDir } from './helpers.js';

describe('synthgrad compare', () => {
  it('runs seed-smoke on two workers and writes suite.json, results.jsonl, summary.csv and a ranked table', async () => {
    const out = tempDir();
    const { code, out: stdout, err } = await cli(['compare', 'seed-smoke', '--out', out, '--workers', '2', '--epochs', '2', '--seeds', '3,4']);
    expect(err).not.toContain('unexpected error');
    expect(code).toBe(0);
    const folder = runFolder(out, 'seed-smoke')!;
    expect(folder).toMatch(/seed-smoke\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);

    const suite = JSON.parse(readFileSync(join(folder, 'suite.json'), 'utf8'));
    expect(suite.seeds).toEqual([3, 4]);
    expect(suite.training.epochs).toBe(2);

    const records = readRecords(folder);
    expect(records).toHaveLength(8);
    expect(new Set(records.map((r) => `${r.label}/${r.seed}`)).size).toBe(8);
    for (const record of records) {
      expect(record).toMatchObject({ suite: 'seed-smoke', status: 'completed', backend: 'wasm', dataset: { name: 'binary-addition' } });
      expect(record.history).toHaveLength(2);
      expect(record.network.layers).toHaveLength(3);
      expect(record.history[1].test.bitAccuracy).toBeGreaterThan(0);
    }
    const dni = records.find((r) => r.trainer === 'dni')!;
    expect(dni.history[0].gradientAlignment, 'measureGradients is on in seed-smoke').toHaveLength(2);

    const csv = readFileSync(join(folder, 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^rank,label,trainer,runs,completed,diverged,failed,test_exact_accuracy_mean,test_exact_accuracy_std,test_bit_accuracy_mean/);
    expect(csv).toHaveLength(5);
    expect(csv.slice(1).some((row) => row.includes('"cDNI (labels + batch-normalized-output)"') || row.includes('cDNI (labels + batch-normalized-output)'))).toBe(true);

    expect(stdout).toMatch(/#\s+configuration\s+runs\s+train exact\s+train bits\s+val exact\*\s+val bits\*\s+test exact\s+test bits\s+best epoch\*\s+runs reaching train bits ≥ 0\.99: at epoch\s+epochs run\s+s\/run/);
    expect(stdout).toMatch(/1\s+\S.*\s2\/2(\s+\d\.\d{3} ± \d\.\d{3}){6}/);
    expect(stdout).toContain('* ranked and best epoch chosen on validation; train and test are only reported');
    expect(stdout).toContain(`Summary: ${join(folder, 'summary.csv')}`);
  });

  it('records a diverged run and a run that throws in its worker, and goes on with the suite', async () => {
    const out = tempDir();
    const { code, err } = await cli(['compare', fixture('diverge-and-fail.json'), '--out', out, '--workers', '1']);
    expect(code, 'a failed run makes the exit code 1').toBe(1);
    const records = readRecords(runFolder(out, 'diverge-and-fail')!);
    const byLabel = Object.fromEntries(records.map((r) => [r.label, r]));
    expect(Object.keys(byLabel).sort()).toEqual(['backprop', 'diverges', 'fails']);
    expect(byLabel.diverges.status).toBe('diverged');
    expect(byLabel.diverges.reason).toMatch(/finite|became/);
    expect(byLabel.fails.status).toBe('failed');
    expect(byLabel.fails.reason).toContain('the exploding input exploded');
    // Inside the worker, workspace packages resolve to their TypeScript source (no build needed).
    expect(byLabel.fails.reason).toMatch(/synthgrad resolved to file:\/\/.*\/packages\/synthgrad\/src\/index\.ts\)$/);
    expect(byLabel.backprop.status).toBe('completed');
    expect(byLabel.backprop.history).toHaveLength(3);
    expect(err).toMatch(/diverges seed 1: DIVERGED/);
    expect(err).toMatch(/fails seed 1: FAILED: .*exploded/);
    expect(err).toContain('1 run(s) failed');
  });

  it('runs the custom-input example: a plugin generator input used by name, alone and in a combination', async () => {
    const out = tempDir();
    const suite = join(appDir, 'examples', 'custom-input', 'suite.json');
    const { code, err } = await cli(['compare', suite, '--out', out, '--workers', '2', '--epochs', '2', '--seeds', '1']);
    expect(err).not.toContain('FAILED');
    expect(code).toBe(0);
    const folder = runFolder(out, 'custom-input')!;
    const recorded = JSON.parse(readFileSync(join(folder, 'suite.json'), 'utf8'));
    expect(recorded.plugins, 'plugin paths are recorded absolute, for --resume').toEqual([
      join(appDir, 'examples', 'custom-input', 'centered-layer-input.js'),
    ]);
    const records = readRecords(folder);
    expect(records.map((r) => [r.label, r.status]).sort()).toEqual([
      ['DNI (centered-layer-input)', 'completed'],
      ['backprop', 'completed'],
      ['cDNI (centered-layer-input + labels)', 'completed'],
      ['cDNI (labels)', 'completed'],
    ]);
    const combined = records.find((r) => r.label === 'cDNI (centered-layer-input + labels)')!;
    expect(combined.options.generatorInput).toEqual(['centered-layer-input', 'labels']);
    expect(combined.history[1].gradientAlignment!.every((g) => Number.isFinite(g.cosine))).toBe(true);
  });
});

describe('synthgrad list', () => {
  it("shows built-in suites and plugins, and a user plugin's generator input (--plugin or a suite's plugins)", async () => {
    const plain = await cli(['list']);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/Built-in suites.*:\n(?: {2}\S.*\n)* {2}seed +The tutorial's question/);
    expect(plain.out).toMatch(/Generator inputs:\n(\s+.*\n)*\s+labels\s+the labels y of the batch \(cDNI\)/);
    expect(plain.out).toMatch(/Trainers:\n\s+backprop\s+/);
    expect(plain.out).toMatch(/Datasets:\n\s+arrays\s+your own data.*\n\s+binary-addition\s+/);
    expect(plain.out).not.toContain('centered-layer-input');

    const withPlugin = await cli(['list', '--plugin', 'examples/custom-input/centered-layer-input.js']);
    expect(withPlugin.out).toMatch(/\s+centered-layer-input \*\s+the layer's input/);
    const withSuite = await cli(['list', '--suite', 'examples/custom-input/suite.json']);
    expect(withSuite.out).toContain('centered-layer-input *');
  });

  it('names a plugin that exports no ContainerModule', async () => {
    const { code, err } = await cli(['list', '--plugin', 'test/helpers.ts']);
    expect(code).toBe(2);
    expect(err).toMatch(/plugin ".*helpers\.ts" exports no inversify ContainerModule/);
    expect(err, 'list starts no run, so it does not say one was not started').not.toContain('no run was started');
  });
});

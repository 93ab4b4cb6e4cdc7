import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir, tempDir } from '../../test/helpers.js';
import { readSuiteFileWithNames } from './readSuiteFileWithNames.js';
import { SuiteError } from './SuiteError.js';

type Json = Record<string, unknown> & { runs: Record<string, unknown>[]; dataset: Record<string, unknown> };
const smoke = JSON.parse(readFileSync(join(appDir, 'suites', 'seed-smoke.json'), 'utf8')) as Json;

async function problems(change: (suite: Json) => unknown, options: { plugins: boolean } = { plugins: true }): Promise<readonly string[]> {
  const file = join(tempDir(), 'suite.json');
  writeFileSync(file, JSON.stringify(change(structuredClone(smoke))));
  const error = await readSuiteFileWithNames(file, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SuiteError);
  return (error as SuiteError).problems;
}

describe('readSuiteFileWithNames', () => {
  it('returns a valid suite as readSuiteFile does', async () => {
    const suite = await readSuiteFileWithNames(join(appDir, 'suites', 'seed-smoke.json'), { plugins: true });
    expect(suite.runs.map((r) => r.label)).toEqual(smoke.runs.map((r) => r.label));
  });

  it('with a schema problem that cannot be set aside (an array element), still names the unknown plugins', async () => {
    expect(
      await problems((s) => {
        s.seeds = [1, 1];
        s.runs[1].trainer = 'dnii';
        s.network = { ...(s.network as object), optimiser: 'sgdd' };
        return s;
      }),
    ).toEqual([
      'seeds[1]: duplicate seed, got 1',
      expect.stringMatching(/^network\.optimiser: unknown optimiser "sgdd"; known: .*; did you mean "sgd"\?$/),
      expect.stringMatching(/^runs\[1\]\.trainer \(configuration "DNI \(layer-output\)"\): unknown trainer "dnii"; .*; did you mean "dni"\?$/),
    ]);
  });

  it('with an unknown dataset, skips only what needs its data (sizes, options of the trainers), not the names', async () => {
    const found = await problems((s) => {
      s.dataset = { name: 'binary-adition' };
      s.runs[2].options = { generatorInput: 'labels', updateProbability: 2 };
      s.runs[3].options = { generatorInput: ['labels', 'batch-normalised-output'] };
      s.extra = true;
      return s;
    });
    expect(found).toEqual([
      expect.stringMatching(/^extra: unknown key "extra"; expected only /),
      expect.stringMatching(/^dataset\.name: unknown dataset "binary-adition"; .*; did you mean "binary-addition"\?$/),
      expect.stringMatching(/^runs\[3\]\.options\.generatorInput\[1\] .*: unknown generator input "batch-normalised-output"; .*; did you mean "batch-normalized-output"\?$/),
    ]);
  });

  it('reports an unknown backend with the rest, checking the rest on the default backend', async () => {
    const found = await problems((s) => ({ ...s, backend: 'wsam', colour: 1, runs: [{ ...s.runs[0], trainer: 'backprob' }] }));
    expect(found).toEqual([
      expect.stringMatching(/^colour: unknown key "colour"/),
      expect.stringMatching(/^backend: unknown tensor backend "wsam"; known: .*; did you mean "wasm"\?$/),
      expect.stringMatching(/^runs\[0\]\.trainer .*: unknown trainer "backprob"; .*; did you mean "backprop"\?$/),
    ]);
  });

  it('imports no plugin with plugins: false: a suite that lists one gets its schema problems only', async () => {
    const found = await problems((s) => ({ ...s, plugins: ['./missing-plugin.js'], colour: 1, runs: [{ ...s.runs[0], trainer: 'backprob' }] }), {
      plugins: false,
    });
    expect(found).toEqual([expect.stringMatching(/^colour: unknown key "colour"/)]);
  });
});

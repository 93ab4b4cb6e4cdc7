import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSuiteContainer } from '../src/plugins/createSuiteContainer.js';
import { applySize } from '../src/suite/applySize.js';
import { checkSuite } from '../src/suite/checkSuite.js';
import { expandRuns } from '../src/suite/expandRuns.js';
import { readSuiteFile } from '../src/suite/readSuiteFile.js';
import { appDir } from './helpers.js';

describe('the paper suites (paper-mnist, unlocked)', () => {
  it('paper-mnist: Table 1 layout (3–6 hidden layers × backprop, DNI, cDNI) and the backprop-free baselines, every name checked at the quick size', async () => {
    const suite = await readSuiteFile(join(appDir, 'suites', 'paper-mnist.json'));
    expect(suite.table).toMatchObject({ rows: 'method', columns: 'hiddenLayers', metric: 'testError' });
    const cells = suite.runs.map((run) => `${run.tags?.method}/${run.tags?.hiddenLayers}`);
    expect(cells).toEqual(['backprop', 'DNI', 'cDNI', 'feedback alignment', 'DFA', 'last layer only'].flatMap((m) => [3, 4, 5, 6].map((n) => `${m}/${n}`)));
    const runs = expandRuns(suite);
    for (const run of runs.filter((r) => r.seed === suite.seeds[0])) {
      const hidden = run.network.layers.slice(0, -1);
      expect(hidden).toHaveLength(Number(/(\d) hidden/.exec(run.label)![1]));
      expect(hidden.every((l) => 'units' in l && l.units === 256 && l.batchNorm && l.activation === 'relu')).toBe(true);
      if (run.trainer === 'dni') expect(run.options).toMatchObject({ generatorHiddenSizes: [], zeroInitGenerator: true });
      if (run.label.startsWith('cDNI')) expect(run.options.generatorInput).toEqual(['layer-output', 'labels']);
    }
    const quick = applySize(suite, 'quick');
    expect(quick.dataset.options).toMatchObject({ trainSize: 10000, validationSize: 2000, testSize: 5000 });
    expect(suite.dataset.options).toMatchObject({ validationSize: 5000 }); // choices read validation, never test
    await checkSuite(quick, await createSuiteContainer(), 'paper-mnist.json');
  });

  it('unlocked: p ∈ {1, 0.5, 0.2} for DNI and cDNI against backprop and the backprop-free baselines, checked at the quick size', async () => {
    const suite = await readSuiteFile(join(appDir, 'suites', 'unlocked.json'));
    expect(suite.runs.map((run) => [run.tags?.method, run.tags?.updateProbability, run.options?.updateProbability])).toEqual([
      ['backprop', 1, undefined],
      ['feedback alignment', 1, undefined],
      ['DFA', 1, undefined],
      ['last layer only', 1, undefined],
      ['DNI', 1, 1],
      ['DNI', 0.5, 0.5],
      ['DNI', 0.2, 0.2],
      ['cDNI', 1, 1],
      ['cDNI', 0.5, 0.5],
      ['cDNI', 0.2, 0.2],
    ]);
    expect(suite.runs.filter((r) => r.trainer !== 'dni' && r.trainer !== 'backprop').map((r) => r.trainer)).toEqual([
      'feedback-alignment',
      'direct-feedback-alignment',
      'last-layer-only',
    ]);
    expect(applySize(suite, 'quick').dataset.options).toMatchObject({ trainSize: 10000, validationSize: 2000, testSize: 5000 });
    await checkSuite(applySize(suite, 'quick'), await createSuiteContainer(), 'unlocked.json');
  });
});

describe('the parallel suite', () => {
  it('backprop and sequential cDNI against 2-stage cDNI in both schedules, on a deep MLP, checked at the quick size', async () => {
    const suite = await readSuiteFile(join(appDir, 'suites', 'parallel.json'));
    expect(suite.runs.map((run) => [run.trainer, run.options?.stages, run.options?.schedule])).toEqual([
      ['backprop', undefined, undefined],
      ['dni', undefined, undefined],
      ['dni', 2, 'lock-step'],
      ['dni', 2, 'async'],
    ]);
    const hidden = suite.network.layers.slice(0, -1);
    expect(hidden.length).toBeGreaterThanOrEqual(6);
    expect(hidden.every((l) => 'units' in l && l.units >= 512)).toBe(true);
    expect(suite.training.batchSize).toBe(128);
    await checkSuite(applySize(suite, 'quick'), await createSuiteContainer(), 'parallel.json');
  });
});

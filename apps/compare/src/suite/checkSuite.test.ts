import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir } from '../../test/helpers.js';
import { createSuiteContainer } from '../plugins/createSuiteContainer.js';
import { checkSuite } from './checkSuite.js';
import { readSuiteFile } from './readSuiteFile.js';
import { SuiteError } from './SuiteError.js';

const smoke = () => readSuiteFile(join(appDir, 'suites', 'seed-smoke.json'));

describe('checkSuite memory estimate', () => {
  it('leaves a normal suite alone: no problem, no warning', async () => {
    const warnings: string[] = [];
    await checkSuite(await smoke(), await createSuiteContainer(), 'seed-smoke.json', { workers: 8, warn: (l) => warnings.push(l) });
    expect(warnings).toEqual([]);
  });

  it('refuses a configuration whose trainer cannot be allocated, naming the layer and the bytes, before building any', async () => {
    const suite = await smoke();
    const big = { ...suite, runs: [suite.runs[0], { ...suite.runs[1], network: { layers: [{ units: 70000 }, { units: 4 }] } }] };
    const error = await checkSuite(big, await createSuiteContainer(), 'big.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SuiteError);
    expect((error as SuiteError).problems).toEqual([
      'runs[1] (configuration "DNI (layer-output)"): cannot build the trainer: generator of network.layers[0] (70000×70000) ' +
        'would need 73.02 GiB (78401120000 bytes): a matrix of 4900000000 elements is over the typed-array limit of 4294967296',
    ]);
  });

  it('warns in one line when the largest run times the workers is over the threshold', async () => {
    const suite = await smoke();
    const warnings: string[] = [];
    await checkSuite(suite, await createSuiteContainer(), 'seed-smoke.json', {
      workers: 3,
      warn: (l) => warnings.push(l),
      largeRunBytes: 1000,
    });
    // The largest is cDNI with labels + batch-normalized-output: layers 8·16 + 16·8 + 8·4 weights,
    // generators (4 + 16)·16 + 16 and (4 + 8)·8 + 8; each number with its gradient (SGD), 8 bytes.
    const bytes = 2 * 8 * (8 * 16 + 16 * 8 + 8 * 4 + (20 * 16 + 16) + (12 * 8 + 8));
    expect(warnings).toEqual([
      `warning: runs[3] (configuration "cDNI (labels + batch-normalized-output)") needs about ${(bytes / 1024).toFixed(2)} KiB (${bytes} bytes) ` +
        `of weights, gradients and generators per run, up to ${((3 * bytes) / 1024).toFixed(2)} KiB (${3 * bytes} bytes) with 3 workers at once`,
    ]);
  });
});

describe('checkSuite names', () => {
  it('names an unknown loss, optimiser and initialiser at their paths, with the nearest names, and still checks the options', async () => {
    const suite = await smoke();
    const broken = {
      ...suite,
      network: { ...suite.network, loss: 'tutorial-delt', optimiser: { name: 'adma', options: { beta1: 0.9 } } },
      runs: [{ ...suite.runs[0], network: { initialiser: 'tutorail' } }, { ...suite.runs[1], options: { generatorInput: 'labels', updateProbability: 0 } }],
    };
    const error = await checkSuite(broken, await createSuiteContainer(), 'names.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SuiteError);
    expect((error as SuiteError).problems).toEqual([
      expect.stringMatching(/^network\.loss \(configuration "backprop"\): unknown loss "tutorial-delt"; .*; did you mean "tutorial-delta"\?$/),
      expect.stringMatching(/^network\.optimiser\.name \(configuration "backprop"\): unknown optimiser "adma"; .*; did you mean "adam"\?$/),
      expect.stringMatching(/^runs\[0\]\.network\.initialiser \(configuration "backprop"\): unknown initialiser "tutorail"; .*; did you mean "tutorial"\?$/),
      expect.stringMatching(/^network\.loss \(configuration "DNI \(layer-output\)"\): unknown loss "tutorial-delt"/),
      expect.stringMatching(/^network\.optimiser\.name \(configuration "DNI \(layer-output\)"\): unknown optimiser "adma"/),
      'runs[1] (configuration "DNI (layer-output)"): cannot build the trainer: dni.updateProbability: expected a number in (0, 1], got 0',
    ]);
  });
});


import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDir } from '../../test/helpers.js';
import { createSuiteContainer } from '../plugins/createSuiteContainer.js';
import { checkSuite } from './checkSuite.js';
import { readSuiteFile } from './readSuiteFile.js';
import { SuiteError } from './SuiteError.js';

describe('checkSuite layer kinds', () => {
  it('names a layer kind the container does not know, listing the known kinds, at its configuration', async () => {
    const suite = await readSuiteFile(join(appDir, 'suites', 'seed-smoke.json'));
    const layers = [{ units: 16 }, { type: 'residual', blocks: 2 }, { units: 4 }];
    const withUnknown = { ...suite, runs: [suite.runs[0], { ...suite.runs[1], network: { layers } }] } as typeof suite;
    const error = await checkSuite(withUnknown, await createSuiteContainer(), 'kinds.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SuiteError);
    expect((error as SuiteError).problems).toEqual([
      `runs[1].network.layers[1].type (configuration "${suite.runs[1].label}"): unknown layer kind "residual"; known: "dense", "dropout"`,
    ]);
  });

  it('builds a network with dropout, estimated through the kinds', async () => {
    const suite = await readSuiteFile(join(appDir, 'suites', 'seed-smoke.json'));
    const layers = [{ units: 16 }, { type: 'dropout', rate: 0.25 }, { units: 4 }];
    const withDropout = { ...suite, network: { ...suite.network, layers } } as typeof suite;
    await expect(checkSuite(withDropout, await createSuiteContainer(), 'dropout.json')).resolves.toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { repairSuiteData } from './repairSuiteData.js';
import { suiteSchema } from './suiteSchema.js';

const issues = (data: unknown) => {
  const result = suiteSchema.safeParse(data);
  return result.success ? [] : result.error.issues;
};

const suite = {
  name: 'repair',
  dataset: { name: 'binary-addition' },
  network: { layers: [{ units: 4 }], learningRate: 0.1 },
  training: { epochs: 1, batchSize: 10 },
  seeds: [1],
  runs: [{ label: 'backprop', trainer: 'backprop' }],
};

describe('repairSuiteData', () => {
  it('drops unknown keys and bad values under object keys; the rest validates', () => {
    const broken = {
      ...suite,
      network: { ...suite.network, learningRate: true },
      runs: [{ ...suite.runs[0], colour: 'red', training: { shuffle: 'yes' } }],
    };
    const repaired = repairSuiteData(broken, issues(broken));
    expect(repaired).toEqual({ ...suite, network: { layers: [{ units: 4 }] }, runs: [{ ...suite.runs[0], training: {} }] });
    expect(suiteSchema.safeParse(repaired).success).toBe(true);
    // The original is left as it was.
    expect(broken.runs[0].colour).toBe('red');
  });

  it('gives up on an issue at an array element or at the whole suite', () => {
    const seeds = { ...suite, seeds: [1, 1] };
    expect(repairSuiteData(seeds, issues(seeds))).toBeUndefined();
    expect(repairSuiteData('a suite', issues('a suite'))).toBeUndefined();
  });

  it('leaves a required field missing, so the repaired data still fails', () => {
    const broken = { ...suite, training: { epochs: 'ten', batchSize: 10 } };
    const repaired = repairSuiteData(broken, issues(broken));
    expect(repaired).toEqual({ ...suite, training: { batchSize: 10 } });
    expect(suiteSchema.safeParse(repaired).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { formatZodIssues } from './formatZodIssues.js';
import { suiteSchema } from './suiteSchema.js';

const problems = (data: unknown) => {
  const result = suiteSchema.safeParse(data);
  return result.success ? [] : formatZodIssues(result.error.issues, data, suiteSchema);
};

const suite = {
  name: 'typo',
  dataset: { name: 'binary-addition' },
  network: { layers: [{ units: 4 }] },
  training: { epochs: 1, batchSize: 10 },
  seeds: [1],
  runs: [{ label: 'backprop', trainer: 'backprop' }],
};

describe('formatZodIssues: unknown keys', () => {
  it('suggests the nearest known key of that object', () => {
    expect(problems({ ...suite, runs: [{ ...suite.runs[0], traning: { epochs: 2 } }] })).toEqual([
      'runs[0].traning: unknown key "traning"; expected only "label", "trainer", "options", "network", "training", "tags", "sweep", "sweepOf", "setting"; did you mean "training"?',
    ]);
    expect(problems({ ...suite, network: { ...suite.network, learningrate: 0.1 } })).toEqual([
      'network.learningrate: unknown key "learningrate"; expected only "layers", "loss", "initialiser", "optimiser", "learningRate"; did you mean "learningRate"?',
    ]);
    expect(problems({ ...suite, seed: [1] })[0]).toMatch(/^seed: unknown key "seed"; expected only .*; did you mean "seeds"\?$/);
  });

  it('suggests nothing when no known key is near', () => {
    expect(problems({ ...suite, runs: [{ ...suite.runs[0], colour: 'red' }] })).toEqual([
      'runs[0].colour: unknown key "colour"; expected only "label", "trainer", "options", "network", "training", "tags", "sweep", "sweepOf", "setting"',
    ]);
  });
});

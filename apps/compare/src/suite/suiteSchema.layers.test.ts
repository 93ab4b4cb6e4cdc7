import { describe, expect, it } from 'vitest';
import { parseSuite } from './readSuiteFile.js';
import { SuiteError } from './SuiteError.js';

const suiteWith = (layers: unknown[]) => ({
  name: 'kinds',
  dataset: { name: 'binary-addition', options: { bits: 4 } },
  network: { layers },
  training: { epochs: 1, batchSize: 10 },
  seeds: [1],
  runs: [{ label: 'a', trainer: 'backprop' }],
});

function problems(layers: unknown[]): string[] {
  try {
    parseSuite(suiteWith(layers), 'kinds.json');
  } catch (error) {
    if (error instanceof SuiteError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('the suite schema: layers', () => {
  it('accepts a spec without type (dense), each built-in kind by type, and a plugin kind for the container to check', () => {
    const layers = [{ units: 8, activation: 'relu' }, { type: 'dropout', rate: 0.5 }, { type: 'my-kind', factor: 2 }, { type: 'dense', units: 5 }];
    expect(parseSuite(suiteWith(layers), 'kinds.json').network.layers).toEqual(layers);
  });

  it("checks a built-in kind's options with the kind, naming the key and the known keys", () => {
    expect(problems([{ units: 0 }])).toEqual(['network.layers[0].units: expected a positive integer, got 0']);
    expect(problems([{ units: 4, unit: 3 }])).toEqual([
      'network.layers[0]: unknown option "unit"; known: "units", "activation", "batchNorm", "bias"; did you mean "units"?',
    ]);
    expect(problems([{ units: 4 }, { type: 'dropout', rate: 1.5 }])).toEqual([
      'network.layers[1].rate: expected a probability in [0, 1), got 1.5',
    ]);
    expect(problems([{ type: 'dropout' }])).toEqual(['network.layers[0].rate: expected a probability in [0, 1), got undefined']);
  });

  it('refuses a type that is not a name', () => {
    expect(problems([{ type: 3, units: 4 }])[0]).toMatch(/^network\.layers\[0\]\.type: expected a string, got 3/);
  });
});

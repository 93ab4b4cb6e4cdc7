import { describe, expect, it } from 'vitest';
import { createSuiteContainer } from '../plugins/createSuiteContainer.js';
import { suiteNameProblems } from './suiteNameProblems.js';

describe('suiteNameProblems', () => {
  it('names every unknown plugin of a suite, even one that fails its schema, with the nearest names', async () => {
    const container = await createSuiteContainer();
    const problems = suiteNameProblems(
      {
        dataset: { name: 'binary-additon' },
        backend: 'wsam',
        network: { layers: [{ units: 'four', activation: 'sigmod' }, { type: 'dropuot' }], loss: 'mse', optimiser: { name: 'adma' }, initialiser: 'xavier' },
        runs: [
          { label: 'a', trainer: 'dnii', options: { generatorInput: ['labels', { name: 'combination', options: { inputs: ['lables'] } }] } },
          { label: 'b', trainer: 'backprop', network: { loss: 'ms', layers: [{ units: 2, activation: 'x * sigmoid(x)' }] } },
          'not a run',
        ],
      },
      container,
    );
    expect(problems).toHaveLength(9);
    expect(problems).toEqual([
      expect.stringMatching(/^dataset\.name: unknown dataset "binary-additon"; known: .*; did you mean "binary-addition"\?$/),
      expect.stringMatching(/^backend: unknown tensor backend "wsam"; known: .*"wasm"; did you mean "wasm"\?$/),
      expect.stringMatching(/^network\.layers\[0\]\.activation: unknown activation "sigmod"; known: .*; did you mean "sigmoid"\?$/),
      expect.stringMatching(/^network\.layers\[1\]\.type: unknown layer kind "dropuot"; known: "dense", "dropout"; did you mean "dropout"\?$/),
      expect.stringMatching(/^network\.optimiser\.name: unknown optimiser "adma"; known: .*; did you mean "adam"\?$/),
      expect.stringMatching(/^network\.initialiser: unknown initialiser "xavier"; known: [^?]*$/),
      expect.stringMatching(/^runs\[0\]\.trainer \(configuration "a"\): unknown trainer "dnii"; known: .*; did you mean "dni"\?$/),
      expect.stringMatching(
        /^runs\[0\]\.options\.generatorInput\[1\]\.options\.inputs\[0\] \(configuration "a"\): unknown generator input "lables"; .*; did you mean "labels"\?$/,
      ),
      expect.stringMatching(/^runs\[1\]\.network\.loss \(configuration "b"\): unknown loss "ms"; known: .*"mse"/),
    ]);
  });

  it('finds nothing wrong in a suite whose names are all registered, and skips what is not a suite', async () => {
    const container = await createSuiteContainer();
    expect(
      suiteNameProblems(
        {
          dataset: { name: 'mnist' },
          network: { layers: [{ activation: 'relu' }, { type: 'dropout' }], loss: 'softmax-cross-entropy', optimiser: 'adam' },
          runs: [{ label: 'x', trainer: 'dni', options: { generatorInput: 'labels' } }],
        },
        container,
      ),
    ).toEqual([]);
    expect(suiteNameProblems(null, container)).toEqual([]);
    expect(suiteNameProblems({ runs: 'none', network: [], dataset: 3 }, container)).toEqual([]);
  });
});

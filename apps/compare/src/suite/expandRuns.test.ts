import { describe, expect, it } from 'vitest';
import { applyOverrides } from './applyOverrides.js';
import { expandRuns } from './expandRuns.js';
import { parseSuite } from './readSuiteFile.js';

const suite = parseSuite(
  {
    name: 'two',
    dataset: { name: 'binary-addition', options: { bits: 4 } },
    network: { layers: [{ units: 4 }], learningRate: 0.1, loss: 'mse' },
    training: { epochs: 10, batchSize: 10 },
    seeds: [1, 2],
    plugins: ['./mine.js'],
    runs: [
      { label: 'a', trainer: 'backprop', network: { learningRate: 0.3 } },
      { label: 'b', trainer: 'dni', options: { generatorInput: 'labels' }, training: { epochs: 4 } },
    ],
  },
  '/suites/two.json',
);

describe('expandRuns', () => {
  it('lists every (configuration, seed), seed-major, merging overrides shallowly', () => {
    const runs = expandRuns(suite);
    expect(runs.map((r) => [r.index, r.label, r.seed])).toEqual([
      [0, 'a', 1],
      [1, 'b', 1],
      [2, 'a', 2],
      [3, 'b', 2],
    ]);
    expect(runs[0].network).toEqual({ layers: [{ units: 4 }], learningRate: 0.3, loss: 'mse' });
    expect(runs[1].training).toEqual({ epochs: 4, batchSize: 10 });
    expect(runs[1]).toMatchObject({ total: 4, backend: 'wasm', options: { generatorInput: 'labels' } });
  });
});

describe('applyOverrides', () => {
  it('replaces seeds, backend and every epochs, and appends --plugin modules', () => {
    const changed = applyOverrides(suite, { seeds: [7], epochs: 2, backend: 'mathjs', plugins: ['/suites/mine.js', '/other.js'] });
    expect(changed.plugins).toEqual(['/suites/mine.js', '/other.js']);
    expect(expandRuns(changed).map((r) => [r.label, r.seed, r.training.epochs, r.backend])).toEqual([
      ['a', 7, 2, 'mathjs'],
      ['b', 7, 2, 'mathjs'],
    ]);
  });
});

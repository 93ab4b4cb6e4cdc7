import { describe, expect, it } from 'vitest';
import { expandSweep } from './expandSweep.js';
import { parseSuite } from './readSuiteFile.js';

const suite = (extra: Record<string, unknown>) =>
  parseSuite(
    {
      name: 'swept',
      dataset: { name: 'binary-addition' },
      network: { layers: [{ units: 4 }], learningRate: 0.1 },
      training: { epochs: 3, batchSize: 10 },
      seeds: [1],
      runs: [
        { label: 'backprop', trainer: 'backprop', sweep: { 'network.learningRate': [0.1, 0.3] } },
        { label: 'dni', trainer: 'dni', options: { generatorInput: 'labels', generatorLearningRate: 0.5 } },
      ],
      ...extra,
    },
    'test',
  );

describe('expandSweep', () => {
  it('expands a grid, the first path slowest, writing each value where its path says', () => {
    const expanded = expandSweep(
      suite({ sweep: { space: { 'network.learningRate': [0.05, 0.2], 'options.generatorLearningRate': [0.001, 0.01], 'training.batchSize': [5] } } }),
    );
    expect(expanded.runs.map((r) => r.label)).toEqual([
      'backprop [learningRate=0.1]',
      'backprop [learningRate=0.3]',
      'dni [learningRate=0.05, generatorLearningRate=0.001, batchSize=5]',
      'dni [learningRate=0.05, generatorLearningRate=0.01, batchSize=5]',
      'dni [learningRate=0.2, generatorLearningRate=0.001, batchSize=5]',
      'dni [learningRate=0.2, generatorLearningRate=0.01, batchSize=5]',
    ]);
    const last = expanded.runs[5];
    expect(last).toMatchObject({
      sweepOf: 'dni',
      setting: { 'network.learningRate': 0.2, 'options.generatorLearningRate': 0.01, 'training.batchSize': 5 },
      network: { learningRate: 0.2 },
      options: { generatorInput: 'labels', generatorLearningRate: 0.01 },
      training: { batchSize: 5 },
    });
    expect(expanded.runs[0]).not.toHaveProperty('sweep');
    expect(expanded.sweep).toEqual({ seed: 0 });
    // A run folder's suite.json (already expanded) stays as it is.
    expect(expandSweep(parseSuite(JSON.parse(JSON.stringify(expanded)), 'again'))).toEqual(expanded);
  });

  it('leaves a configuration without a space alone, and a suite without sweep unchanged', () => {
    const plain = suite({});
    const expanded = expandSweep({ ...plain, sweep: { seed: 0 } });
    expect(expanded.runs.map((r) => r.label)).toEqual(['backprop [learningRate=0.1]', 'backprop [learningRate=0.3]', 'dni']);
    expect(expandSweep({ ...plain, runs: plain.runs.map(({ sweep: _, ...run }) => run) }).runs).toHaveLength(2);
  });

  it('draws seeded random samples from lists and ranges, the same for the same seed', () => {
    const space = { 'network.learningRate': { min: 0.01, max: 1, scale: 'log' }, 'options.generatorHiddenLayers': [[], [32]] };
    const draw = (seed: number) => expandSweep(suite({ sweep: { space, samples: 20, seed } })).runs.filter((r) => r.sweepOf === 'dni');
    const a = draw(3);
    expect(a).toHaveLength(20);
    expect(draw(3)).toEqual(a);
    expect(draw(4).map((r) => r.setting)).not.toEqual(a.map((r) => r.setting));
    const rates = a.map((r) => r.setting!['network.learningRate'] as number);
    for (const rate of rates) expect(rate >= 0.01 && rate <= 1).toBe(true);
    // Log-uniform: about half the draws below the geometric middle 0.1 (20 draws: at least 4 each side).
    expect(rates.filter((r) => r < 0.1).length).toBeGreaterThanOrEqual(4);
    expect(rates.filter((r) => r > 0.1).length).toBeGreaterThanOrEqual(4);
    expect(new Set(a.map((r) => JSON.stringify(r.setting!['options.generatorHiddenLayers'])))).toEqual(new Set(['[]', '[32]']));
  });

  it('refuses unknown fields and ranges in a grid, naming them', () => {
    expect(() => expandSweep(suite({ sweep: { space: { 'network.learnignRate': [1] } } }))).toThrow(
      'sweep of "dni": network has no field "learnignRate" (in "network.learnignRate"); known: "layers", "loss", "initialiser", "optimiser", "learningRate"',
    );
    expect(() => expandSweep(suite({ sweep: { space: { 'network.learningRate': { min: 0.1, max: 1 } } } }))).toThrow(
      'sweep of "dni": network.learningRate is a range ({ min, max }); a grid needs a list of values, or set sweep.samples',
    );
    expect(() => suite({ sweep: { space: { 'weights.x': [1] } } })).toThrow(/network\.<field>/);
  });

  describe('sizes: bounded before expansion', () => {
    it('refuses a grid of 10^9 settings from its size alone, at once', () => {
      const space = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`options.o${i}`, Array.from({ length: 10 }, (_, j) => j)]));
      const started = performance.now();
      expect(() => expandSweep(suite({ sweep: { space } }))).toThrow(/the sweep gives more than 10000 configurations \(a grid of 10 × 10 × 10 × 10 × 10 × 10 × 10 × 10 × 10 settings for "dni"\)/);
      expect(performance.now() - started).toBeLessThan(1000);
    });

    it('refuses samples: 1e9 before drawing any', () => {
      expect(() => expandSweep(suite({ sweep: { samples: 1e9, space: { 'network.learningRate': { min: 0.01, max: 1 } } } }))).toThrow(
        'sweep.samples: at most 10000 settings per configuration, got 1000000000',
      );
    });

    it('refuses configurations × seeds over 100,000 runs', () => {
      const many = suite({ seeds: Array.from({ length: 5000 }, (_, i) => i), sweep: { space: { 'network.learningRate': Array.from({ length: 30 }, (_, i) => i / 100) } } });
      expect(() => expandSweep(many)).toThrow('32 configurations × 5000 seeds = 160000 runs; a suite runs at most 100000');
    });

    it.each([
      ['training.epochs', 1e12, 'training.epochs = 1000000000000: expected number to be <=1000000'],
      ['training.batchSize', 0, 'training.batchSize = 0: expected number to be >0'],
      ['training.batchSize', -3, 'training.batchSize = -3: expected number to be >0'],
      ['training.batchSize', 2.5, 'training.batchSize = 2.5: expected an int'],
      ['training.batchSize', 'ten', 'training.batchSize = "ten": expected a number'],
    ])('holds a swept %s of %j to the limits of a written one', (path, value, message) => {
      expect(() => expandSweep(suite({ sweep: { space: { [path]: [5, value] } } }), 'swept.json')).toThrow(`sweep of "dni": ${message}`);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CliError } from '../cli/CliError.js';
import { applySize, sizeNames } from './applySize.js';
import { parseSuite } from './readSuiteFile.js';

const suite = parseSuite(
  {
    name: 'sized',
    dataset: { name: 'mnist', options: { trainSize: 60000, seed: 1 } },
    network: { layers: [{ units: 8 }, { units: 10 }], learningRate: '0.001 * 0.1 ^ floor(epoch / 20)', optimiser: 'adam' },
    training: { epochs: 30, batchSize: 128, measureGradients: true },
    seeds: [1, 2, 3],
    runs: [
      { label: 'backprop', trainer: 'backprop' },
      { label: 'own rate', trainer: 'dni', network: { learningRate: 0.01, layers: [{ units: 4 }, { units: 10 }] }, training: { epochs: 40 } },
      { label: 'own batch', trainer: 'dni', training: { batchSize: 64 } },
    ],
    sizes: {
      quick: {
        description: '5,000 examples, 3 epochs, seeds 1–2',
        dataset: { options: { trainSize: 5000, testSize: 1000 } },
        network: { learningRate: 0.001 },
        training: { epochs: 3 },
        seeds: [1, 2],
      },
    },
  },
  'sized.json',
);

describe('applySize', () => {
  it('applies a size: dataset options merged, network/training fields and seeds replaced everywhere', () => {
    const quick = applySize(suite, 'quick');
    expect(quick.dataset).toEqual({ name: 'mnist', options: { trainSize: 5000, seed: 1, testSize: 1000 } });
    expect(quick.network).toEqual({ layers: [{ units: 8 }, { units: 10 }], learningRate: 0.001, optimiser: 'adam' });
    expect(quick.training).toEqual({ epochs: 3, batchSize: 128, measureGradients: true });
    expect(quick.seeds).toEqual([1, 2]);
    // a configuration's own learning rate and epochs give way to the size's; its other fields stay
    expect(quick.runs[1]).toEqual({ label: 'own rate', trainer: 'dni', network: { layers: [{ units: 4 }, { units: 10 }] } });
    expect(quick.runs[2].training).toEqual({ batchSize: 64 });
    expect(quick.runs[0]).toEqual(suite.runs[0]);
    expect(quick.size).toEqual({ name: 'quick', description: '5,000 examples, 3 epochs, seeds 1–2' });
    expect('sizes' in quick).toBe(false);
  });

  it('leaves the suite as written for no size or "full" (recording "full" when the suite has sizes)', () => {
    const full = applySize(suite, undefined);
    expect(full.size).toEqual({ name: 'full', description: 'the suite as written' });
    expect(full.training.epochs).toBe(30);
    expect(full.runs).toEqual(suite.runs);
    expect(applySize(suite, 'full')).toEqual(full);
    const plain = parseSuite({ ...suite, sizes: undefined }, 'plain.json');
    expect(applySize(plain, undefined)).toBe(plain);
  });

  it('is valid against the schema afterwards (what suite.json holds, and --resume reads)', () => {
    const quick = applySize(suite, 'quick');
    expect(parseSuite(JSON.parse(JSON.stringify(quick)), 'suite.json')).toEqual(quick);
  });

  it('names an unknown size and lists the known ones', () => {
    expect(() => applySize(suite, 'huge')).toThrow(CliError);
    expect(() => applySize(suite, 'huge')).toThrow('--size huge: suite "sized" has no size "huge"; known sizes: "full" (the suite as written), "quick"');
    expect(sizeNames(suite)).toEqual(['full', 'quick']);
    expect(() => applySize(suite, 'quik')).toThrow(/known sizes: "full" \(the suite as written\), "quick"; did you mean "quick"\?$/);
  });

  it('refuses to resize a suite already resolved at a size', () => {
    expect(() => applySize(applySize(suite, 'quick'), 'quick')).toThrow(/already resolved at size "quick"/);
  });
});

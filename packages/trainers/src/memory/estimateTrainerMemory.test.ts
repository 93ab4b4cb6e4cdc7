import type { Dataset } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { describe, expect, it } from 'vitest';
import { allocatedBytes, testContainer } from '../../test/support.js';
import { createTrainer, type TrainerSpec } from '../createTrainer.js';
import { tutorialNetwork } from '../network/tutorialNetwork.js';
import { MAX_MATRIX_ELEMENTS } from './assertTrainerFits.js';
import { estimateTrainerMemory } from './estimateTrainerMemory.js';
import { MemoryBudgetError } from './MemoryBudgetError.js';

/** Stated tolerance: the estimate is within 2% of what the constructors allocate. */
const TOLERANCE = 0.02;

describe('estimateTrainerMemory', () => {
  const cases: [string, TrainerSpec][] = [
    ['backprop, tutorial network, SGD', { algorithm: 'backprop', network: tutorialNetwork(4) }],
    [
      'backprop, batch norm and Adam',
      {
        algorithm: 'backprop',
        network: { layers: [{ units: 40, batchNorm: true }, { units: 24, bias: false }, { units: 4 }], optimiser: 'adam' },
      },
    ],
    [
      'dni, hidden generator layers, momentum generators, labels input',
      {
        algorithm: 'dni',
        network: { layers: [{ units: 32 }, { units: 16 }, { units: 4 }], optimiser: 'rmsprop' },
        options: { generatorInput: 'labels', generatorHiddenSizes: [20, 12], generatorOptimiser: 'momentum' },
      },
    ],
    [
      'dni, combination input, synthetic last layer, Adam generators',
      {
        algorithm: 'dni',
        network: { layers: [{ units: 30 }, { units: 4 }] },
        options: { generatorInput: ['layer-output', 'labels'], lastLayer: 'synthetic', generatorOptimiser: 'adam' },
      },
    ],
    ['feedback alignment', { algorithm: 'feedback-alignment', network: { layers: [{ units: 50 }, { units: 4 }] } }],
    ['direct feedback alignment', { algorithm: 'direct-feedback-alignment', network: { layers: [{ units: 50 }, { units: 20 }, { units: 4 }] } }],
  ];

  it.each(cases)('matches the Float64Arrays a trainer allocates (%s) within 2%%', async (_, spec) => {
    const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 5, seed: 1 });
    const container = testContainer();
    const estimate = estimateTrainerMemory(spec, data);
    const actual = allocatedBytes(() => createTrainer(container, data, spec));
    expect(actual).toBeGreaterThan(0);
    expect(Math.abs(estimate.bytes - actual) / actual).toBeLessThanOrEqual(TOLERANCE);
  });

  it.each(cases)('matches what a float32 trainer allocates (%s) within 2%%, about half the float64 bytes', async (_, spec) => {
    const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 5, seed: 1 });
    const container = testContainer({ backend: 'cpu', dtype: 'float32' });
    const estimate = estimateTrainerMemory(spec, data, 'float32');
    const actual = allocatedBytes(() => createTrainer(container, data, spec));
    expect(Math.abs(estimate.bytes - actual) / actual).toBeLessThanOrEqual(TOLERANCE);
    const float64 = estimateTrainerMemory(spec, data).bytes;
    expect(estimate.bytes / float64).toBeGreaterThan(0.49);
    expect(estimate.bytes / float64).toBeLessThan(0.52);
  });

  it('counts float32 against the budget at 4 bytes a value, and names a dtype it does not know', () => {
    const spec: TrainerSpec = { algorithm: 'backprop', network: { layers: [{ units: 1000 }, { units: 10 }] } };
    const sizes = { inputSize: 1000, labelSize: 10 };
    // 1000×1000 weights and their gradients: 16 MB in float64, 8 MB in float32.
    expect(estimateTrainerMemory(spec, sizes, 'float32').bytes).toBeGreaterThan(8e6);
    expect(estimateTrainerMemory(spec, sizes, 'float32').bytes).toBeLessThan(8.2e6);
    expect(estimateTrainerMemory(spec, sizes).bytes).toBeGreaterThan(16e6);
    expect(() => estimateTrainerMemory(spec, sizes, 'float16' as never)).toThrow(
      "estimateTrainerMemory: dtype must be 'float64' or 'float32', got float16",
    );
  });

  it('lists each layer with its weights shape, then each generator', () => {
    const estimate = estimateTrainerMemory(
      { algorithm: 'dni', network: { layers: [{ units: 12000 }, { units: 10 }] } },
      { inputSize: 784, labelSize: 10 },
    );
    expect(estimate.layers.map((l) => [l.layer, l.shape])).toEqual([
      ['network.layers[0]', [784, 12000]],
      ['network.layers[1]', [12000, 10]],
      ['generator of network.layers[0]', [12000, 12000]],
    ]);
    // The generator: 12000² weights + 12000 bias, each with a gradient, 8 bytes a number.
    expect(estimate.layers[2].bytes).toBe(2 * 8 * (12000 * 12000 + 12000));
    expect(estimate.bytes).toBe(estimate.layers.reduce((sum, l) => sum + l.bytes, 0));
  });
});

describe('createTrainer memory limits', () => {
  const huge = { inputSize: 24, labelSize: 4, task: 'binary-digits' } as unknown as Dataset;

  it('refuses a layer longer than a typed array can be, naming it, its shape and the bytes', () => {
    const spec: TrainerSpec = { algorithm: 'backprop', network: { layers: [{ units: 70000 }, { units: 70000 }, { units: 4 }] } };
    let error: unknown;
    try {
      createTrainer(testContainer(), huge, spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MemoryBudgetError);
    const refusal = error as MemoryBudgetError;
    expect(refusal.layer).toBe('network.layers[1]');
    expect(refusal.shape).toEqual([70000, 70000]);
    expect(refusal.bytes).toBe(2 * 8 * (70000 * 70000 + 70000));
    expect(refusal.limit).toBe(MAX_MATRIX_ELEMENTS);
    expect(refusal.message).toContain('network.layers[1] (70000×70000)');
    expect(refusal.message).toContain(`(${refusal.bytes} bytes)`);
  });

  it("refuses a generator that cannot be allocated, naming the generator's layer", () => {
    const spec: TrainerSpec = { algorithm: 'dni', network: { layers: [{ units: 70000 }, { units: 4 }] } };
    expect(() => createTrainer(testContainer(), huge, spec)).toThrow(/^generator of network\.layers\[0\] \(70000×70000\) would need 73\.02 GiB \(78401120000 bytes\): a matrix of 4900000000 elements/);
  });

  it('refuses a trainer over the budget before allocating anything, naming its largest layer', () => {
    const spec: TrainerSpec = { algorithm: 'backprop', network: { layers: [{ units: 1000 }, { units: 500 }, { units: 4 }] } };
    let bytes = -1;
    expect(() => {
      bytes = allocatedBytes(() => createTrainer(testContainer(), huge, spec, { memoryBudget: 1_000_000 }));
    }).toThrow(/^network\.layers\[1\] \(1000×500\) would need .* over the memory budget of 976\.56 KiB \(1000000 bytes\)/);
    expect(bytes).toBe(-1);
    expect(allocatedBytes(() => createTrainer(testContainer(), huge, spec, { memoryBudget: 20_000_000 }))).toBeGreaterThan(1_000_000);
  });

  it('leaves a normal trainer alone under the default budget', async () => {
    const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 20, testSize: 5, seed: 1 });
    const trainer = createTrainer(testContainer(), data, { algorithm: 'dni', network: tutorialNetwork(4), options: { generatorInput: 'labels' } });
    expect(trainer.name).toBe('dni');
  });
});

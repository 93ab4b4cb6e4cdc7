import { ConfigError, TensorBackend, type Dataset } from '@synthgrad/core';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTrainer, fit, loadTrainerState, saveTrainerState, StopWhen, tutorialNetwork, type TrainerSpec } from '../src/index.js';
import { testContainer } from './support.js';

let data: Dataset;
beforeAll(async () => {
  data = await binaryAdditionDataset.load({ bits: 6, trainSize: 120, testSize: 40, validationSize: 40, seed: 1 });
});
const backend = () => testContainer().get(TensorBackend);
const spec = (algorithm: string): TrainerSpec => ({
  algorithm,
  network: { ...tutorialNetwork(6), learningRate: 0.5 },
  ...(algorithm === 'dni' ? { options: { generatorInput: ['layer-output', 'labels'] } } : {}),
  seed: 4,
});
const train = (algorithm: string, epochs: number) => {
  const trainer = createTrainer(testContainer(), data, spec(algorithm));
  return { trainer, result: fit(trainer, data, backend(), { epochs, batchSize: 10, seed: 9 }) };
};

describe('fit with stopWhen', () => {
  it('stops once the metric has held the level for forEpochs epochs, the first such epoch', () => {
    const full = train('backprop', 60).result.history;
    const level = full[40].train.bitAccuracy!; // a level the run reaches
    const held = (e: number) => full.slice(e - 2, e + 1).every((r) => r.train.bitAccuracy! >= level);
    const expected = full.findIndex((_, e) => e >= 2 && held(e)); // oracle: read off the uninterrupted history
    const trainer = createTrainer(testContainer(), data, spec('backprop'));
    const result = fit(trainer, data, backend(), {
      epochs: 60,
      batchSize: 10,
      seed: 9,
      stopWhen: { reached: { metric: 'train.bitAccuracy', atLeast: level, forEpochs: 3 } },
    });
    expect(expected).toBeGreaterThan(0);
    expect(result.status).toBe('completed');
    expect(result.stopped).toMatchObject({ criterion: 'reached', epoch: expected + 1 });
    expect(result.stopped!.reason).toContain('train.bitAccuracy ≥');
    const strip = (r: (typeof full)[number]) => ({ ...r, seconds: 0, trainSeconds: 0, examplesPerSecond: 0 });
    expect(result.history.map(strip)).toEqual(full.slice(0, expected + 1).map(strip));
    expect(result.position?.epoch).toBe(expected + 1);
  });

  it('stops on a plateau: no improvement above minDelta for patience epochs', () => {
    const stop = new StopWhen({ plateau: { metric: 'validation.bitAccuracy', patience: 3, minDelta: 0.01 } });
    const at = (v: number) => ({ validation: { loss: 0, bitAccuracy: v } });
    const values = [0.5, 0.6, 0.605, 0.609, 0.62, 0.62, 0.625, 0.629];
    const stops = values.map((v, i) => stop.after(i + 1, at(v)));
    // best 0.62 at epoch 5; 0.625 and 0.629 are within minDelta of it: stop 3 epochs later.
    expect(stops.slice(0, 7).every((s) => s === undefined)).toBe(true);
    expect(stops[7]).toMatchObject({ criterion: 'plateau', epoch: 8 });
    expect(stops[7]!.reason).toContain('0.6200 (epoch 5)');
  });

  it('reads a loss as lower is better', () => {
    const stop = new StopWhen({ plateau: { metric: 'train.loss', patience: 2 } });
    const at = (loss: number) => ({ train: { loss } });
    expect([3, 2, 1, 0.5, 0.4].map((v, e) => stop.after(e, at(v)))).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(stop.after(5, at(0.4))).toBeUndefined();
    expect(stop.after(6, at(0.45))).toMatchObject({ criterion: 'plateau', epoch: 6 });
  });

  it('refuses unknown metrics, bad counts and validation metrics without a validation split', async () => {
    expect(() => new StopWhen({ reached: { metric: 'train.bits' as never, atLeast: 1 } })).toThrow(
      /stopWhen\.reached\.metric: unknown metric "train\.bits"; known: .*"train\.bitAccuracy"/,
    );
    expect(() => new StopWhen({ plateau: { metric: 'validation.loss', patience: 0 } })).toThrow(ConfigError);
    const noValidation = await binaryAdditionDataset.load({ bits: 6, trainSize: 50, testSize: 20, seed: 1 });
    const trainer = createTrainer(testContainer(), noValidation, spec('backprop'));
    expect(() =>
      fit(trainer, noValidation, backend(), { epochs: 2, batchSize: 10, stopWhen: { plateau: { metric: 'validation.bitAccuracy', patience: 5 } } }),
    ).toThrow(/stopWhen\.plateau\.metric: "validation\.bitAccuracy" reads the validation split/);
  });
});

describe.each(['backprop', 'dni'])('fit resumed at an epoch boundary (%s)', (algorithm) => {
  it('gives the same epochs as the uninterrupted run', () => {
    const whole = train(algorithm, 7).result;
    const first = train(algorithm, 3);
    const resumed = createTrainer(testContainer(), data, { ...spec(algorithm), seed: 77 }); // other weights, overwritten
    loadTrainerState(resumed, saveTrainerState(first.trainer));
    const rest = fit(resumed, data, backend(), { epochs: 7, batchSize: 10, seed: 9, resume: first.result.position });
    const strip = (r: (typeof whole.history)[number]) => ({ ...r, seconds: 0, trainSeconds: 0, examplesPerSecond: 0 });
    expect(first.result.position).toEqual({ epoch: 3, step: 36 });
    expect(rest.history.map((r) => r.epoch)).toEqual([4, 5, 6, 7]);
    expect([...first.result.history, ...rest.history].map(strip)).toEqual(whole.history.map(strip));
    expect(rest.position).toEqual(whole.position);
  });
});

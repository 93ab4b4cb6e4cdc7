// A `dni` run on threaded stages trains through the one epoch loop: its records count epochs from
// 1, `training.stopWhen` ends it on its plateau, and a run resumed from the state an earlier part
// saved (a halving survivor) ends with the uninterrupted run's records. The oracle for the plateau
// is the same run on one thread (the simulated stages: threaded lock-step equals it bit for bit).
import { join } from 'node:path';
import { createSynthgradContainer, createTrainer, DatasetRegistry, fit, TensorBackend, type Dataset, type EpochRecord } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers.js';
import type { RunSpec } from './RunSpec.js';
import { trainRun } from './trainRun.js';

const container = createSynthgradContainer({ backend: 'cpu' });
const staged: RunSpec = {
  suite: 'stages',
  label: 'cDNI on 2 stages',
  seed: 1,
  trainer: 'dni',
  options: { generatorInput: 'labels', stages: 2 },
  network: {
    layers: [
      { units: 16, activation: 'sigmoid', bias: false },
      { units: 8, activation: 'sigmoid', bias: false },
      { units: 5, activation: 'sigmoid', bias: false },
    ],
    loss: 'tutorial-delta',
    initialiser: 'tutorial',
    optimiser: 'sgd',
    learningRate: 0.3,
  },
  dataset: { name: 'binary-addition', options: { bits: 5, trainSize: 40, testSize: 20, validationSize: 20 } },
  training: { epochs: 5, batchSize: 10 },
  backend: 'cpu',
  index: 0,
  total: 1,
};
const strip = (epochs: readonly EpochRecord[]) => epochs.map((e) => ({ ...e, seconds: 0, trainSeconds: 0, examplesPerSecond: 0 }));

describe('a run on threaded stages', () => {
  it('stops on its plateau (training.stopWhen), its epochs numbered from 1', async () => {
    const stopWhen = { plateau: { metric: 'validation.bitAccuracy' as const, patience: 2, minDelta: 0.05 } };
    const spec: RunSpec = { ...staged, training: { epochs: 30, batchSize: 10, stopWhen } };
    const record = await trainRun(container, spec);
    expect(record.status, record.reason).toBe('completed');
    const dataset = (await container.get(DatasetRegistry).get('binary-addition').load(staged.dataset.options)) as Dataset;
    const trainer = createTrainer(container, dataset, { algorithm: 'dni', options: staged.options, network: staged.network, seed: 1 });
    const oneThread = fit(trainer, dataset, container.get(TensorBackend), { ...spec.training, seed: 1 });
    expect(oneThread.stopped?.epoch).toBeLessThan(30);
    expect(record.stopped).toEqual(oneThread.stopped);
    expect(record.history.map((e) => e.epoch)).toEqual(oneThread.history.map((_, i) => i + 1));
    expect(record.history.map((e) => e.validation)).toEqual(oneThread.history.map((e) => e.validation));
  }, 180_000);

  it('resumes from the state its earlier part saved, ending as the uninterrupted run', async () => {
    const folder = tempDir();
    const whole = await trainRun(container, staged);
    const first = await trainRun(container, { ...staged, training: { ...staged.training, epochs: 2 } }, () => {}, folder);
    expect(first.status, first.reason).toBe('completed');
    const rest = await trainRun(container, { ...staged, resume: { history: first.history, seconds: first.seconds } }, () => {}, join(folder, 'next'), [], folder);
    expect(rest.status, rest.reason).toBe('completed');
    expect(rest.history.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(rest.history.slice(0, 2)).toEqual(first.history);
    expect(strip(rest.history)).toEqual(strip(whole.history));
  }, 180_000);
});

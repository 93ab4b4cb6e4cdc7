import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  binaryAdditionDataset,
  createTrainer,
  datasetFromArrays,
  fit,
  Matrix,
  Rng,
  saveTrainerState,
  TensorBackend,
  tutorialNetwork,
  type TrainerSpec,
} from '../index.js';
import { writeTrainerFolder } from '@synthgrad/trainers/node';
import { createSynthgradContainer } from '../createSynthgradContainer.js';
import { loadModel } from './loadModel.js';
import { saveModel } from './saveModel.js';
import { synthgradVersion } from './synthgradVersion.js';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthgrad-model-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const bytes = (m: Matrix) => Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength).toString('hex');

describe('saveModel and loadModel', () => {
  it('rebuild a DNI trainer trained a few epochs from the folder alone: the same predictions bit for bit', async () => {
    const container = createSynthgradContainer();
    const dataset = await binaryAdditionDataset.load({ bits: 4, trainSize: 40, testSize: 12, seed: 2 });
    const spec: TrainerSpec = { algorithm: 'dni', network: tutorialNetwork(4), options: { generatorInput: 'labels' }, seed: 5 };
    const trainer = createTrainer(container, dataset, spec);
    fit(trainer, dataset, container.get(TensorBackend), { epochs: 3, batchSize: 10, seed: 1 });
    const folder = await tempDir();
    await saveModel(folder, trainer, { container, dataset, spec, metadata: { note: 'tutorial' } });

    const model = await loadModel(folder);
    expect(bytes(model.predict(dataset.test.inputs))).toBe(bytes(trainer.predict(dataset.test.inputs)));
    // A fresh trainer of the same spec predicts otherwise: the weights came from the folder.
    expect(bytes(createTrainer(container, dataset, { ...spec, seed: 6 }).predict(dataset.test.inputs))).not.toBe(bytes(trainer.predict(dataset.test.inputs)));
    expect(model.spec).toMatchObject({
      trainer: { algorithm: 'dni', options: { generatorInput: 'labels' }, seed: 5 },
      dataset: { name: 'binary-addition', task: 'binary-digits', inputSize: 8, labelSize: 4 },
      dtype: 'float64',
      backend: container.get(TensorBackend).name,
      synthgradVersion,
    });
    expect(model.metadata).toEqual({ note: 'tutorial' });
    expect(() => model.predict(new Matrix(2, 5))).toThrow(/inputs are 2×5 but the model takes 8 columns/);
  });

  it('keeps a float32 classification model on its dtype, with batch norm and dropout', async () => {
    const container = createSynthgradContainer({ dtype: 'float32' });
    const rng = new Rng(3);
    const rows = Array.from({ length: 30 }, () => [rng.normal(), rng.normal(), rng.normal()]);
    const dataset = datasetFromArrays({
      name: 'points',
      task: 'classification',
      train: { inputs: rows, labels: rows.map((r) => (r[0] + r[1] > 0 ? 1 : 0)) },
      test: { inputs: rows.slice(0, 8), labels: rows.slice(0, 8).map((r) => (r[0] + r[1] > 0 ? 1 : 0)) },
    });
    const spec: TrainerSpec = { algorithm: 'backprop', network: { layers: [{ units: 6, batchNorm: true }, { type: 'dropout', rate: 0.2 }, { units: 2 }] }, seed: 1 };
    const trainer = createTrainer(container, dataset, spec);
    fit(trainer, dataset, container.get(TensorBackend), { epochs: 2, batchSize: 10, seed: 1 });
    const folder = await tempDir();
    await saveModel(folder, trainer, { container, dataset, spec });
    const model = await loadModel(folder);
    expect(model.spec.dtype).toBe('float32');
    expect(model.predict(dataset.test.inputs).data).toBeInstanceOf(Float32Array);
    expect(bytes(model.predict(dataset.test.inputs))).toBe(bytes(trainer.predict(dataset.test.inputs)));
  });

  it('refuses a folder saved before models described themselves, naming the field and the old way to load it', async () => {
    const container = createSynthgradContainer();
    const dataset = await binaryAdditionDataset.load({ bits: 4, trainSize: 10, testSize: 4, seed: 2 });
    const trainer = createTrainer(container, dataset, { algorithm: 'backprop', network: tutorialNetwork(4) });
    const folder = await tempDir();
    await writeTrainerFolder(folder, saveTrainerState(trainer));
    await expect(loadModel(folder)).rejects.toThrow(
      new RegExp(`${folder}: manifest.json field "model" is missing.*createTrainer\\(container, dataset, spec\\).*loadTrainerState\\(trainer, await readTrainerFolder\\(folder\\)\\)`),
    );
    // A damaged spec names the field.
    await saveModel(folder, trainer, { container, dataset, spec: { algorithm: 'backprop', network: tutorialNetwork(4) } });
    const manifest = JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8'));
    delete manifest.model.dataset.inputSize;
    await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadModel(folder)).rejects.toThrow(/field "model\.dataset\.inputSize" must be a positive integer, got undefined/);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTrainerFolder } from '@synthgrad/trainers/node';
import { createSynthgradContainer, createTrainer, DatasetRegistry, evaluate, loadTrainerState, TensorBackend } from 'synthgrad';
import { describe, expect, it } from 'vitest';
import { weightsFolderOf } from '../src/run/weightsFolderOf.js';
import { cli, readRecords, runFolder, tempDir } from './helpers.js';

describe('synthgrad compare --save-weights', () => {
  it("keeps each run's final weights, which reproduce the run's last test metrics", async () => {
    const out = tempDir();
    const { code, err } = await cli(['compare', 'seed-smoke', '--out', out, '--workers', '2', '--epochs', '2', '--seeds', '1', '--save-weights', '--quiet']);
    expect(err).not.toContain('unexpected error');
    expect(code).toBe(0);
    const folder = runFolder(out, 'seed-smoke')!;
    const records = readRecords(folder);
    expect(readdirSync(join(folder, 'weights')).length).toBe(records.length);

    const container = createSynthgradContainer();
    const backend = container.get(TensorBackend);
    for (const record of records) {
      const dir = weightsFolderOf(join(folder, 'weights'), record);
      expect(existsSync(join(dir, 'manifest.json')), dir).toBe(true);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      expect(manifest.metadata).toEqual({ suite: 'seed-smoke', configuration: record.label, seed: record.seed, epochs: 2, status: 'completed', position: { epoch: 2, step: 8 } });

      const dataset = await container.get(DatasetRegistry).get(record.dataset.name).load(record.dataset.options);
      const trainer = createTrainer(container, dataset, {
        algorithm: record.trainer,
        options: record.options,
        network: record.network,
        seed: 999, // other initial weights: only the loaded ones can give the recorded metrics
      });
      loadTrainerState(trainer, await readTrainerFolder(dir));
      const test = evaluate(trainer, dataset.test, dataset.task, backend);
      expect(test, record.label).toEqual(record.history.at(-1)!.test);
    }
  });

  it('writes no weights without the flag', async () => {
    const out = tempDir();
    const { code } = await cli(['compare', 'seed-smoke', '--out', out, '--workers', '1', '--epochs', '1', '--seeds', '1', '--quiet']);
    expect(code).toBe(0);
    expect(existsSync(join(runFolder(out, 'seed-smoke')!, 'weights'))).toBe(false);
  });
});

describe('weightsFolderOf', () => {
  it('makes a configuration label one safe folder name', () => {
    expect(weightsFolderOf('/w', { label: 'cDNI (labels + batch-normalized-output)', seed: 2 })).toBe(
      '/w/cDNI__labels___batch-normalized-output_/seed-2',
    );
    expect(weightsFolderOf('/w', { label: '../up', seed: 1 })).toBe('/w/__up/seed-1');
  });
});

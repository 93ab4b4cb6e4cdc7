import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binaryAdditionDataset } from '@synthgrad/datasets';
import { afterAll, describe, expect, it } from 'vitest';
import { testContainer } from '../../test/support.js';
import { createTrainer, loadTrainerState, saveTrainerState, tutorialNetwork } from '../index.js';
import { readTrainerFolder } from './readTrainerFolder.js';
import { writeTrainerFolder } from './writeTrainerFolder.js';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synthgrad-weights-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0;

async function trainedDni() {
  const data = await binaryAdditionDataset.load({ bits: 4, trainSize: 30, testSize: 10, seed: 1 });
  const make = (seed: number) =>
    createTrainer(testContainer(), data, {
      algorithm: 'dni',
      network: tutorialNetwork(4),
      options: { generatorInput: 'labels', updateProbability: 0.5 },
      seed,
    });
  const trainer = make(4);
  trainer.step({ inputs: data.train.inputs, labels: data.train.labels }, { epoch: 0, step: 0 });
  return { data, trainer, make };
}

describe('trainer folders', () => {
  it('write a manifest and one .npy per tensor, and read back into a trainer that predicts the same', async () => {
    const { data, trainer, make } = await trainedDni();
    trainer.state().tensors['layer0.weights'].data[0] = Number.NaN;
    const dir = await tempDir();
    await writeTrainerFolder(dir, saveTrainerState(trainer, { configuration: 'dni-labels', seed: 4 }));
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['manifest.json', ...Object.keys(trainer.state().tensors).map((n) => `${n}.npy`), 'rng.updateSchedule.npy'].sort());
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'synthgrad-trainer', version: 1, algorithm: 'dni', rngs: ['updateSchedule'] });
    expect(manifest.metadata).toEqual({ configuration: 'dni-labels', seed: 4 });
    expect(manifest.tensors['layer0.weights']).toEqual({ file: 'layer0.weights.npy', rows: 8, cols: 128 });

    const fresh = make(9);
    loadTrainerState(fresh, await readTrainerFolder(dir));
    const bytes = (t: typeof fresh) => {
      const { data: values } = t.predict(data.test.inputs);
      return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');
    };
    expect(bytes(fresh)).toBe(bytes(trainer));
    expect(Number.isNaN(fresh.state().tensors['layer0.weights'].data[0])).toBe(true);
  });

  it.skipIf(!hasNumpy)(`are read by numpy.load${hasNumpy ? '' : ' (skipped: python3 with numpy is not installed)'}`, async () => {
    const { trainer } = await trainedDni();
    const dir = await tempDir();
    await writeTrainerFolder(dir, saveTrainerState(trainer));
    const script = [
      'import json, sys, numpy as np',
      'd = sys.argv[1]; m = json.load(open(d + "/manifest.json"))',
      'print(json.dumps({n: [list(np.load(d + "/" + e["file"]).shape), float(np.load(d + "/" + e["file"]).sum())] for n, e in m["tensors"].items()}))',
    ].join('\n');
    const fromNumpy = JSON.parse(execFileSync('python3', ['-c', script, dir], { encoding: 'utf8' }));
    for (const [name, m] of Object.entries(trainer.state().tensors)) {
      expect(fromNumpy[name][0], name).toEqual([m.rows, m.cols]);
      expect(fromNumpy[name][1], name).toBeCloseTo(Array.from(m.data).reduce((a, b) => a + b, 0), 9);
    }
  });

  it('refuses a manifest that names a file outside the folder, or a tensor of another shape', async () => {
    const { trainer } = await trainedDni();
    const dir = await tempDir();
    await writeTrainerFolder(dir, saveTrainerState(trainer));
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    await writeFile(manifestPath, JSON.stringify({ ...manifest, tensors: { ...manifest.tensors, 'layer0.weights': { file: '../x.npy', rows: 8, cols: 128 } } }));
    await expect(readTrainerFolder(dir)).rejects.toThrow('tensor "layer0.weights" names file "../x.npy"; expected a plain file name ending in .npy');
    await writeFile(manifestPath, JSON.stringify({ ...manifest, tensors: { ...manifest.tensors, 'layer0.weights': { file: 'layer0.weights.npy', rows: 2, cols: 3 } } }));
    await expect(readTrainerFolder(dir)).rejects.toThrow('tensor "layer0.weights" (layer0.weights.npy) is 8×128 but the manifest says 2×3');
    await expect(readTrainerFolder(join(dir, 'absent'))).rejects.toThrow('readTrainerFolder:');
  });
});

describe('the browser-safe entry point', () => {
  it('imports no Node built-in outside src/node', async () => {
    const root = join(import.meta.dirname, '..');
    const offenders: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (path !== join(root, 'node')) await walk(path);
        } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
          if (/from '(node:|fs|path|os|child_process)/.test(await readFile(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    await walk(root);
    expect(offenders).toEqual([]);
  });

  describe('hostile files (files outside the folder)', () => {
    const saved = async () => {
      const { trainer } = await trainedDni();
      const dir = await tempDir();
      await writeTrainerFolder(dir, saveTrainerState(trainer, {}));
      return dir;
    };

    it('refuses a .npy that is a symbolic link to another file, without showing its bytes', async () => {
      const dir = await saved();
      const secret = join(await tempDir(), 'secret.npy');
      await writeFile(secret, 'TOP-SECRET-CONTENTS');
      await rm(join(dir, 'layer0.weights.npy'));
      await symlink(secret, join(dir, 'layer0.weights.npy'));
      const error = await readTrainerFolder(dir).catch((e: Error) => e);
      expect(String(error)).toContain('tensor "layer0.weights" (layer0.weights.npy): it is a symbolic link');
      expect(String(error)).not.toContain('TOP-SECRET');
    });

    it('refuses a .npy linked to /dev/zero and a FIFO at once, without reading or waiting', async () => {
      const dir = await saved();
      await rm(join(dir, 'layer0.weights.npy'));
      await symlink('/dev/zero', join(dir, 'layer0.weights.npy'));
      await expect(readTrainerFolder(dir)).rejects.toThrow('symbolic link');
      await rm(join(dir, 'layer0.weights.npy'));
      execFileSync('mkfifo', [join(dir, 'layer0.weights.npy')]);
      const started = Date.now();
      await expect(readTrainerFolder(dir)).rejects.toThrow('tensor "layer0.weights" (layer0.weights.npy): it is not a regular file');
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('refuses a .npy larger than its manifest shape needs before reading it', async () => {
      const dir = await saved();
      const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
      await writeFile(join(dir, 'layer0.weights.npy'), Buffer.alloc(8 * 8 * 128 + 70_000));
      await expect(readTrainerFolder(dir)).rejects.toThrow(`holds ${8 * 8 * 128 + 70_000} bytes, more than the ${64 * 1024 + 8 * manifest.tensors['layer0.weights'].rows * 128}`);
    });

    it('refuses a tensor named __proto__ and a manifest over 4 MiB', async () => {
      const dir = await saved();
      const manifestPath = join(dir, 'manifest.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
      await writeFile(manifestPath, JSON.stringify(manifest).replace('"tensors":{', '"tensors":{"__proto__":{"file":"layer0.weights.npy","rows":8,"cols":128},'));
      await expect(readTrainerFolder(dir)).rejects.toThrow('a tensor is named "__proto__"');
      await writeFile(manifestPath, JSON.stringify({ ...manifest, metadata: { padding: 'x'.repeat(5 * 1024 * 1024) } }));
      await expect(readTrainerFolder(dir)).rejects.toThrow(/manifest\.json: it holds \d+ bytes, more than the 4194304/);
    });

    it('writes no file through a symbolic link planted in the folder', async () => {
      const { trainer } = await trainedDni();
      const dir = await tempDir();
      const victim = join(await tempDir(), 'victim');
      await writeFile(victim, 'keep me');
      await symlink(victim, join(dir, 'layer0.weights.npy'));
      await expect(writeTrainerFolder(dir, saveTrainerState(trainer, {}))).rejects.toThrow('is a symbolic link');
      expect(await readFile(victim, 'utf8')).toBe('keep me');
    });
  });
});

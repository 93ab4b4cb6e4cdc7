import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTrainerFolder, writeTrainerFolder } from '@synthgrad/trainers/node';
import {
  createSynthgradContainer,
  createTrainer,
  datasetFromArrays,
  DatasetRegistry,
  evaluate,
  exportOnnx,
  fromNpy,
  Matrix,
  saveTrainerState,
  TensorBackend,
  toNpy,
  type TrainerSpec,
} from 'synthgrad';
import { loadModel, saveModel } from 'synthgrad/node';
import { describe, expect, it } from 'vitest';
import { weightsFolderOf } from '../src/run/weightsFolderOf.js';
import { cli, readRecords, runFolder, tempDir } from './helpers.js';

/** A one-layer classifier, 2 inputs → 3 logits, whose weights are then set by hand: outputs = x·W + b. */
async function handModel(dir: string) {
  const container = createSynthgradContainer();
  const dataset = datasetFromArrays({
    name: 'three-classes',
    task: 'classification',
    train: { inputs: [[0, 0], [1, 0], [0, 1]], labels: [0, 1, 2] },
    test: { inputs: [[0, 0]], labels: [0] },
  });
  const spec: TrainerSpec = { algorithm: 'backprop', network: { layers: [{ units: 3 }] }, seed: 1 };
  const trainer = createTrainer(container, dataset, spec);
  await saveModel(dir, trainer, { container, dataset, spec });
  writeFileSync(join(dir, 'layer0.weights.npy'), toNpy(Matrix.fromArray([[1, -1, 0.5], [2, 0, -3]])));
  writeFileSync(join(dir, 'layer0.bias.npy'), toNpy(Matrix.fromArray([[0.25, 1, 0]])));
}

describe('synthgrad predict', () => {
  it('prints x·W + b and the argmax class for a model whose weights are known (CSV in, CSV or .npy out)', async () => {
    const dir = tempDir();
    const model = join(dir, 'model');
    await handModel(model);
    writeFileSync(join(dir, 'inputs.csv'), 'a,b\n1,0\n0,1\n-1,2\n');
    // By hand: [1,0] → [1.25, 0, 0.5]; [0,1] → [2.25, 1, -3]; [-1,2] → [3.25, 2, -6.5].
    const printed = await cli(['predict', model, 'inputs.csv'], dir);
    expect(printed.err).toBe('');
    expect(printed.code).toBe(0);
    expect(printed.out).toBe('output0,output1,output2,class\n1.25,0,0.5,0\n2.25,1,-3,0\n3.25,2,-6.5,0');

    writeFileSync(join(dir, 'inputs.npy'), toNpy(Matrix.fromArray([[0, 0], [-1, 0]])));
    // [0,0] → [0.25, 1, 0]: class 1; [-1,0] → [-0.75, 2, -0.5]: class 1.
    const written = await cli(['predict', model, 'inputs.npy', '--out', 'out.npy'], dir);
    expect(written.code).toBe(0);
    expect(written.err).toMatch(/2 predictions \(columns output0, output1, output2, class\) written to .*out\.npy/);
    expect(fromNpy(readFileSync(join(dir, 'out.npy'))).toArray()).toEqual([[0.25, 1, 0, 1], [-0.75, 2, -0.5, 1]]);
    expect((await cli(['predict', model, 'inputs.npy', '--out', 'out.csv'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('output0,output1,output2,class\n0.25,1,0,1\n-0.75,2,-0.5,1\n');
  });

  it('names the file and its shape against the model, and says how to load a folder saved without its spec', async () => {
    const dir = tempDir();
    const model = join(dir, 'model');
    await handModel(model);
    writeFileSync(join(dir, 'wide.csv'), '1,2,3\n4,5,6\n');
    const wide = await cli(['predict', model, 'wide.csv'], dir);
    expect(wide.code).toBe(2);
    expect(wide.err).toContain('"wide.csv" is 2 rows × 3 columns, but the model in');
    expect(wide.err).toContain('takes 2 inputs per row (it was trained on "three-classes", 2 inputs → 3 outputs)');
    expect((await cli(['predict', model, 'wide.csv', '--out', 'p.txt'], dir)).err).toContain('--out "p.txt": unknown file type ".txt"; known: ".csv", ".npy"');
    expect((await cli(['predict', model, 'inputs.json'], dir)).err).toMatch(/inputs\.json.*unknown file type "\.json"/);

    const old = join(dir, 'old');
    const container = createSynthgradContainer();
    const dataset = await container.get(DatasetRegistry).get('binary-addition').load({ bits: 3, trainSize: 4, testSize: 2 });
    await writeTrainerFolder(old, saveTrainerState(createTrainer(container, dataset, { algorithm: 'backprop', network: { layers: [{ units: 3 }] } })));
    const refused = await cli(['predict', old, 'wide.csv'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/manifest\.json field "model" is missing.*loadTrainerState/s);
  });

  it('reads the folders compare --save-weights writes: loadModel alone reproduces each run\'s last test metrics', async () => {
    const out = tempDir();
    const { code, err } = await cli(['compare', 'seed-smoke', '--out', out, '--workers', '1', '--epochs', '2', '--seeds', '1', '--save-weights', '--quiet']);
    expect(err).not.toContain('unexpected error');
    expect(code).toBe(0);
    const folder = runFolder(out, 'seed-smoke')!;
    const container = createSynthgradContainer();
    for (const record of readRecords(folder)) {
      const model = await loadModel(weightsFolderOf(join(folder, 'weights'), record));
      expect(model.spec.trainer.algorithm).toBe(record.trainer);
      const dataset = await container.get(DatasetRegistry).get(record.dataset.name).load(record.dataset.options);
      expect(evaluate(model.trainer, dataset.test, dataset.task, container.get(TensorBackend)), record.label).toEqual(record.history.at(-1)!.test);
    }
  });
});

describe('synthgrad export-onnx', () => {
  it('writes exportOnnx of the folder, and refuses other names and dtypes', async () => {
    const dir = tempDir();
    const model = join(dir, 'model');
    await handModel(model);
    const done = await cli(['export-onnx', model, 'model.onnx', '--dtype', 'float32'], dir);
    expect(done.err).toBe('');
    expect(done.out).toMatch(/ONNX model \(\d+ bytes\): .*model\.onnx/);
    expect(Buffer.from(readFileSync(join(dir, 'model.onnx'))).equals(Buffer.from(exportOnnx(await readTrainerFolder(model), { dtype: 'float32' })))).toBe(true);
    expect((await cli(['export-onnx', model, 'model.bin'], dir)).err).toContain('should end in .onnx');
    expect((await cli(['export-onnx', model, 'm.onnx', '--dtype', 'int8'], dir)).err).toContain('--dtype "int8": expected float32 or float64');
    expect((await cli(['export-onnx', model, 'missing/m.onnx'], dir)).err).toMatch(/cannot write "missing\/m\.onnx"/);
  });
});

import { TensorBackend, type Dataset, type DatasetTask, type LayerSpec } from '@synthgrad/core';
import { Matrix, Rng } from '@synthgrad/tensor';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { testContainer } from '../../test/support.js';
import { createTrainer, type TrainerSpec } from '../createTrainer.js';
import { describeModel } from '../model/describeModel.js';
import { saveModelState } from '../model/saveModelState.js';
import { saveTrainerState } from '../state/saveTrainerState.js';
import { exportOnnx } from './exportOnnx.js';

/** Random inputs and labels of `task`, 5 inputs wide, 3 labels wide. */
function dataset(task: DatasetTask): Dataset {
  const rng = new Rng(11);
  const rows = 24;
  const inputs = new Matrix(rows, 5);
  rng.fillUniform(inputs, -2, 2);
  const labels = new Matrix(rows, 3);
  for (let r = 0; r < rows; r++) {
    if (task === 'classification') labels.data[r * 3 + rng.int(3)] = 1;
    else for (let c = 0; c < 3; c++) labels.data[r * 3 + c] = rng.int(2);
  }
  const split = { inputs, labels };
  return { name: `random-${task}`, task, inputSize: 5, labelSize: 3, train: split, test: split };
}

/** Trains a few full-batch steps (so batch norm's running statistics move), then saves it with its spec. */
function trained(task: DatasetTask, layers: readonly LayerSpec[], algorithm = 'backprop') {
  const container = testContainer();
  const data = dataset(task);
  const spec: TrainerSpec = { algorithm, network: { layers }, seed: 3 };
  const trainer = createTrainer(container, data, spec);
  for (let step = 0; step < 5; step++) trainer.step({ inputs: data.train.inputs, labels: data.train.labels }, { epoch: 0, step });
  const saved = saveModelState(trainer, describeModel(spec, data, container.get(TensorBackend), '0.0.0-test'));
  return { trainer, saved, data };
}

async function runOnnx(bytes: Uint8Array, inputs: Matrix, dtype: 'float32' | 'float64'): Promise<{ data: Float64Array; dims: readonly number[] }> {
  const session = await ort.InferenceSession.create(bytes);
  const values = dtype === 'float32' ? Float32Array.from(inputs.data) : Float64Array.from(inputs.data);
  const feeds = { input: new ort.Tensor(dtype === 'float32' ? 'float32' : 'float64', values, [inputs.rows, inputs.cols]) };
  const { output } = await session.run(feeds);
  return { data: Float64Array.from(output.data as Float32Array | Float64Array), dims: output.dims };
}

function maxRelativeDiff(ours: Matrix, theirs: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < ours.data.length; k++) worst = Math.max(worst, Math.abs(ours.data[k] - theirs[k]) / Math.max(1, Math.abs(ours.data[k])));
  return worst;
}

const cases: ReadonlyArray<[string, DatasetTask, LayerSpec[]]> = [
  ['sigmoid, default activations of binary-digits', 'binary-digits', [{ units: 6 }, { units: 3 }]],
  ['tanh hidden, identity output', 'classification', [{ units: 7, activation: 'tanh' }, { units: 3, activation: 'identity' }]],
  ['relu (classification defaults) with dropout', 'classification', [{ units: 8 }, { type: 'dropout', rate: 0.3 }, { units: 4, activation: 'relu' }, { units: 3 }]],
  ['batch norm before sigmoid and tanh', 'binary-digits', [{ units: 6, batchNorm: true }, { units: 4, activation: 'tanh', batchNorm: true }, { units: 3 }]],
  ['batch norm before relu, no bias, softmax output', 'classification', [{ units: 6, batchNorm: true }, { units: 5, bias: false, activation: 'relu' }, { units: 3, activation: 'softmax' }]],
  ['batch norm on the output layer, identity', 'classification', [{ units: 6, activation: 'tanh' }, { units: 3, batchNorm: true, activation: 'identity' }]],
];

describe('exportOnnx', () => {
  it.each(cases)('%s: onnxruntime computes our predictions (float64 to 1e-12, float32 to 1e-5)', async (_, task, layers) => {
    const { trainer, saved, data } = trained(task, layers);
    const inputs = data.test.inputs;
    const ours = trainer.predict(inputs);
    const f64 = await runOnnx(exportOnnx(saved), inputs, 'float64');
    expect(f64.dims).toEqual([inputs.rows, 3]);
    expect(maxRelativeDiff(ours, f64.data)).toBeLessThan(1e-12);
    const f32 = await runOnnx(exportOnnx(saved, { dtype: 'float32' }), inputs, 'float32');
    expect(maxRelativeDiff(ours, f32.data)).toBeLessThan(1e-5);
    // The predictions are not all alike: the comparison could fail.
    expect(new Set(Array.from(ours.data)).size).toBeGreaterThan(10);
  });

  it('exports the network of any trainer (dni) and ignores its generators', async () => {
    const { trainer, saved, data } = trained('binary-digits', [{ units: 6, activation: 'tanh' }, { units: 3 }], 'dni');
    const f64 = await runOnnx(exportOnnx(saved), data.test.inputs, 'float64');
    expect(maxRelativeDiff(trainer.predict(data.test.inputs), f64.data)).toBeLessThan(1e-12);
  });

  it('refuses activation formulas, a state without its spec, and names the layer', () => {
    const { saved } = trained('binary-digits', [{ units: 4, activation: 'x / (1 + abs(x))' }, { units: 3 }]);
    expect(() => exportOnnx(saved)).toThrow(/network\.layers\[0\]\.activation.*"x \/ \(1 \+ abs\(x\)\)" has no ONNX operator; exportable activations: "sigmoid", "tanh"/);
    const { trainer } = trained('binary-digits', [{ units: 3 }]);
    expect(() => exportOnnx(saveTrainerState(trainer))).toThrow(/no "model" spec.*saveModelState/);
  });

  it('refuses layer kinds other than dense and dropout', () => {
    const { saved } = trained('binary-digits', [{ units: 3 }]);
    const model = saved.manifest.model!;
    const strange = { ...saved, manifest: { ...saved.manifest, model: { ...model, trainer: { ...model.trainer, network: { layers: [{ type: 'conv' } as unknown as LayerSpec, { units: 3 }] } } } } };
    expect(() => exportOnnx(strange)).toThrow(/network\.layers\[0\]\.type.*layer kind "conv" cannot be exported to ONNX: only dense layers/);
  });
});

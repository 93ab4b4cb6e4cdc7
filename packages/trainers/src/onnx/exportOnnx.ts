import { ConfigError } from '@synthgrad/core';
import type { DType, Matrix } from '@synthgrad/tensor';
import type { ModelSpec } from '../model/ModelSpec.js';
import { TASK_DEFAULTS } from '../network/taskDefaults.js';
import type { SavedTrainer } from '../state/SavedTrainer.js';
import { ProtoWriter } from './ProtoWriter.js';

/** Options of {@link exportOnnx}. */
export interface ExportOnnxOptions {
  /** The element type of the ONNX graph (default: the model's dtype). `float32` runs on every ONNX runtime. */
  readonly dtype?: DType;
  /** The graph's name (default: the dataset's name). */
  readonly graphName?: string;
}

/** Our activation names and the ONNX operator each becomes. */
const OPERATORS: Readonly<Record<string, string>> = { sigmoid: 'Sigmoid', tanh: 'Tanh', relu: 'Relu', identity: 'Identity', softmax: 'Softmax' };

/** The `dense` layer kind builds its batch norm with `BatchNorm`'s default ε. */
const BATCH_NORM_EPSILON = 1e-5;
const OPSET = 13;
const IR_VERSION = 7;
const FLOAT = 1;
const DOUBLE = 11;

/**
 * An ONNX model (opset 13) of a saved dense network: for each `dense` layer a `Gemm` (x·W + b), a
 * `BatchNormalization` in evaluation mode (running mean and variance) when the layer has
 * `batchNorm`, and its activation (`Sigmoid`, `Tanh`, `Relu`, `Softmax` on the last axis or
 * `Identity`; the task's default when the spec names none); `dropout` layers are left out (identity
 * at inference). The graph maps `input` (N × inputSize) to `output` (N × labelSize), the same values as
 * the trainer's `predict` (logits for classification). `saved` must describe itself
 * (`saveModelState`). Other layer kinds and activation formulas are refused with a `ConfigError`
 * naming the layer.
 *
 * @example
 * ```ts
 * const bytes = exportOnnx(saveModelState(trainer, model));
 * // Python: onnxruntime.InferenceSession(bytes).run(None, {'input': x})
 * ```
 */
export function exportOnnx(saved: SavedTrainer, options: ExportOnnxOptions = {}): Uint8Array {
  const model = saved.manifest.model;
  if (model === undefined) {
    throw new ConfigError('exportOnnx', 'the saved trainer has no "model" spec in its manifest (save it with saveModelState to export it)');
  }
  const dtype = options.dtype ?? model.dtype;
  const elemType = dtype === 'float32' ? FLOAT : DOUBLE;
  const nodes: Array<(w: ProtoWriter) => void> = [];
  const initializers: Array<(w: ProtoWriter) => void> = [];
  const tensor = (name: string): string => {
    const m = saved.tensors[name];
    if (m === undefined) {
      throw new ConfigError('exportOnnx', `the saved trainer has no tensor "${name}" (it has ${Object.keys(saved.tensors).map((n) => `"${n}"`).join(', ')})`);
    }
    initializers.push((w) => writeTensor(w, name, m, dtype));
    return name;
  };
  const layers = model.trainer.network.layers;
  const defaults = TASK_DEFAULTS[model.dataset.task];
  const denseIndices = layers.flatMap((layer, i) => ((layer.type ?? 'dense') === 'dense' ? [i] : []));
  const lastDense = denseIndices[denseIndices.length - 1];
  let current = 'input';
  let counter = 0;
  const node = (opType: string, inputs: readonly string[], output: string, attributes: Array<(w: ProtoWriter) => void> = []): string => {
    const name = `${opType.toLowerCase()}_${counter++}`;
    nodes.push((w) => {
      for (const input of inputs) w.string(1, input);
      w.string(2, output);
      w.string(3, name);
      w.string(4, opType);
      for (const attribute of attributes) w.message(5, attribute);
    });
    return output;
  };
  layers.forEach((layer, i) => {
    const kind = layer.type ?? 'dense';
    const path = `network.layers[${i}]`;
    if (kind === 'dropout') return;
    if (kind !== 'dense') {
      throw new ConfigError(`${path}.type`, `layer kind "${kind}" cannot be exported to ONNX: only dense layers (and dropout, identity at inference) can`);
    }
    const dense = layer as { readonly activation?: string; readonly batchNorm?: boolean; readonly bias?: boolean };
    const activation = dense.activation ?? (i === lastDense ? defaults.output : defaults.hidden);
    const operator = OPERATORS[activation];
    if (operator === undefined) {
      throw new ConfigError(
        `${path}.activation`,
        `"${activation}" has no ONNX operator; exportable activations: ${Object.keys(OPERATORS).map((n) => `"${n}"`).join(', ')}`,
      );
    }
    const prefix = `layer${i}`;
    if (dense.batchNorm) {
      const z = node('Gemm', [current, tensor(`${prefix}.dense.weights`)], `${prefix}.z`);
      const bn = ['gamma', 'beta', 'runningMean', 'runningVariance'].map((n) => tensor(`${prefix}.batchNorm.${n}`));
      current = node('BatchNormalization', [z, ...bn], `${prefix}.normalized`, [floatAttribute('epsilon', BATCH_NORM_EPSILON)]);
    } else {
      const inputs = [current, tensor(`${prefix}.weights`)];
      if (dense.bias ?? true) inputs.push(tensor(`${prefix}.bias`));
      current = node('Gemm', inputs, `${prefix}.z`);
    }
    const output = i === lastDense ? 'output' : `${prefix}.output`;
    current = node(operator, [current], output, operator === 'Softmax' ? [intAttribute('axis', 1)] : []);
  });
  if (lastDense === undefined) throw new ConfigError('network.layers', 'has no dense layer to export');
  return encodeModel(model, options.graphName ?? model.dataset.name, nodes, initializers, elemType);
}

function encodeModel(
  model: ModelSpec,
  graphName: string,
  nodes: ReadonlyArray<(w: ProtoWriter) => void>,
  initializers: ReadonlyArray<(w: ProtoWriter) => void>,
  elemType: number,
): Uint8Array {
  const valueInfo = (name: string, width: number) => (w: ProtoWriter) => {
    w.string(1, name);
    w.message(2, (type) =>
      type.message(1, (t) => {
        t.varint(1, elemType);
        t.message(2, (shape) => {
          shape.message(1, (dim) => dim.string(2, 'N'));
          shape.message(1, (dim) => dim.varint(1, width));
        });
      }),
    );
  };
  const writer = new ProtoWriter();
  writer.varint(1, IR_VERSION);
  writer.string(2, 'synthgrad');
  writer.string(3, model.synthgradVersion);
  writer.message(7, (graph) => {
    for (const n of nodes) graph.message(1, n);
    graph.string(2, graphName);
    for (const t of initializers) graph.message(5, t);
    graph.message(11, valueInfo('input', model.dataset.inputSize));
    graph.message(12, valueInfo('output', model.dataset.labelSize));
  });
  writer.message(8, (opset) => opset.string(1, '').varint(2, OPSET));
  return writer.finish();
}

/** A TensorProto with little-endian raw data; batch-norm vectors (names with `.batchNorm.`) are 1-D. */
function writeTensor(w: ProtoWriter, name: string, m: Matrix, dtype: DType): void {
  const dims = name.includes('.batchNorm.') ? [m.rows * m.cols] : [m.rows, m.cols];
  for (const d of dims) w.varint(1, d);
  w.varint(2, dtype === 'float32' ? FLOAT : DOUBLE);
  w.string(8, name);
  const count = m.rows * m.cols;
  const raw = new Uint8Array(count * (dtype === 'float32' ? 4 : 8));
  const view = new DataView(raw.buffer);
  for (let k = 0; k < count; k++) {
    if (dtype === 'float32') view.setFloat32(k * 4, m.data[k], true);
    else view.setFloat64(k * 8, m.data[k], true);
  }
  w.bytes(9, raw);
}

function floatAttribute(name: string, value: number) {
  return (w: ProtoWriter) => w.string(1, name).float(2, value).varint(20, 1);
}

function intAttribute(name: string, value: number) {
  return (w: ProtoWriter) => w.string(1, name).varint(3, value).varint(20, 2);
}

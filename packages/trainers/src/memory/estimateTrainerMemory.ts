import { PluginRegistry, type Dataset, type GeneratorInputSpec, type PluginSpec } from '@synthgrad/core';
import {
  builtinLayerKinds,
  denseLayerKind,
  featureSize,
  resolveLayers,
  type LayerRegistry,
  type LayerTensorShapes,
  type MatrixShape,
} from '@synthgrad/layers';
import type { DType } from '@synthgrad/tensor';
import type { DniOptions } from '../algorithms/DniOptions.js';
import type { TrainerSpec } from '../createTrainer.js';

/** Bytes of one stored number of each dtype. */
const BYTES_PER_ELEMENT: Readonly<Record<DType, number>> = { float64: 8, float32: 4 };

/** What one layer of the spec (or one generator) holds, in bytes, before any batch is seen. */
export interface LayerMemory {
  /** `network.layers[i]`, or `generator of network.layers[i]`. */
  readonly layer: string;
  /** The largest matrix of the layer, rows × cols (a Dense layer's weights: inputSize × units; [0, 0] for none). */
  readonly shape: readonly [number, number];
  /** Elements of that largest matrix: above the typed-array limit it cannot be allocated at all. */
  readonly largestElements: number;
  readonly parameters: number;
  readonly gradients: number;
  /** The optimiser's moments (0 for SGD, 1× the parameters for momentum and RMSprop, 2× for Adam). */
  readonly optimiserState: number;
  /** Fixed feedback matrices, batch-norm statistics and running averages. */
  readonly other: number;
  /** The sum of the four above. */
  readonly bytes: number;
}

export interface TrainerMemoryEstimate {
  /** Every layer, then every generator, in spec order. */
  readonly layers: readonly LayerMemory[];
  /** The total over {@link layers}. */
  readonly bytes: number;
}

/**
 * Estimates, by arithmetic alone, the memory a trainer built from `spec` for `dataset` allocates up
 * front, summed from the matrix shapes each layer's kind declares (`LayerPlugin.tensorShapes`, looked
 * up in `layerKinds`: the built-in kinds unless given, so pass the container's `LayerRegistry` for a
 * kind a module adds), with matrices of `dtype` (the backend's; default `'float64'`, 8 bytes a value; `'float32'`:
 * 4): weights, gradients, optimiser state, feedback matrices and the DNI generators (sized from
 * `generatorInput` and `generatorHiddenSizes`). Per-batch buffers (activations, about batch × width
 * per layer) are not counted: they depend on the batch size and are allocated on the first step.
 * A generator input the estimate does not know (a plugin's) is counted as wide as the layer output,
 * the labels and the data input together.
 *
 * @example
 * ```ts
 * const estimate = estimateTrainerMemory(
 *   { algorithm: 'dni', network: { layers: [{ units: 12000 }, { units: 10 }] } },
 *   { inputSize: 784, labelSize: 10 },
 * );
 * estimate.bytes;     // ≈ 2.4 GB: the 12000×12000 generator dominates
 * estimate.layers[2]; // { layer: 'generator of network.layers[0]', shape: [12000, 12000], … }
 * ```
 */
export function estimateTrainerMemory(
  spec: Pick<TrainerSpec, 'algorithm' | 'options' | 'network'>,
  dataset: Pick<Dataset, 'inputSize' | 'labelSize'>,
  dtype: DType = 'float64',
  layerKinds: Pick<LayerRegistry, 'get'> = BUILT_IN_LAYER_KINDS,
): TrainerMemoryEstimate {
  const bytes = BYTES_PER_ELEMENT[dtype];
  if (bytes === undefined) throw new TypeError(`estimateTrainerMemory: dtype must be 'float64' or 'float32', got ${String(dtype)}`);
  const { inputSize, labelSize } = dataset;
  const resolved = resolveLayers(spec.network.layers, [inputSize], layerKinds);
  const optimiserCopies = optimiserStateCopies(spec.network.optimiser ?? 'sgd');
  const layers = resolved.map(({ path, plugin, options, inputShape, outputShape }, i) => {
    const [width, units] = [featureSize(inputShape), featureSize(outputShape)];
    // Fixed random matrices the feedback trainers send the gradient down through.
    const feedback =
      spec.algorithm === 'feedback-alignment'
        ? width * units
        : spec.algorithm === 'direct-feedback-alignment' && i < resolved.length - 1
          ? labelSize * units
          : 0;
    return layerMemory(path, plugin.tensorShapes(inputShape, options), optimiserCopies, feedback, bytes);
  });
  if (spec.algorithm === 'dni') {
    layers.push(...generatorsMemory(spec, resolved.map((layer) => featureSize(layer.outputShape)), dataset, bytes));
  }
  return { layers, bytes: layers.reduce((sum, layer) => sum + layer.bytes, 0) };
}

/** The built-in layer kinds, for estimates made without a container. */
const BUILT_IN_LAYER_KINDS = new PluginRegistry('layer kind', builtinLayerKinds);

function generatorsMemory(
  spec: Pick<TrainerSpec, 'options'>,
  outputSizes: readonly number[],
  dataset: Pick<Dataset, 'inputSize' | 'labelSize'>,
  bytes: number,
): LayerMemory[] {
  const options = (spec.options ?? {}) as DniOptions;
  const hiddenSizes = options.generatorHiddenSizes ?? [];
  const optimiserCopies = optimiserStateCopies(options.generatorOptimiser ?? 'sgd');
  const count = outputSizes.length;
  const withGenerator = options.lastLayer === 'synthetic' ? count : count - 1;
  const generators: LayerMemory[] = [];
  for (let i = 0; i < withGenerator; i++) {
    const outputSize = outputSizes[i];
    const shape = { outputSize, labelSize: dataset.labelSize, dataInputSize: dataset.inputSize };
    let width = generatorInputSize(options.generatorInput ?? 'layer-output', shape);
    // A generator is a stack of dense layers: hidden ones with batch norm, a plain output layer.
    const parts: LayerMemory[] = [];
    for (const size of hiddenSizes) {
      parts.push(layerMemory('', denseLayerKind.tensorShapes([width], { units: size, batchNorm: true }), optimiserCopies, 0, bytes));
      width = size;
    }
    parts.push(layerMemory('', denseLayerKind.tensorShapes([width], { units: outputSize }), optimiserCopies, 0, bytes));
    generators.push(combine(`generator of network.layers[${i}]`, parts));
  }
  return generators;
}

/** Columns of a generator input, for the built-in kinds; a combination is the sum of its parts. */
function generatorInputSize(
  spec: GeneratorInputSpec,
  shape: { outputSize: number; labelSize: number; dataInputSize: number },
): number {
  if (Array.isArray(spec)) return spec.reduce((sum: number, part: GeneratorInputSpec) => sum + generatorInputSize(part, shape), 0);
  const name = typeof spec === 'string' ? spec : (spec as { name: string }).name;
  switch (name) {
    case 'layer-output':
    case 'batch-normalized-output':
      return shape.outputSize;
    case 'labels':
      return shape.labelSize;
    case 'inputs':
      return shape.dataInputSize;
    default:
      return shape.outputSize + shape.labelSize + shape.dataInputSize;
  }
}

/** What a layer of `shapes` allocates when built: its parameters, their gradients and optimiser state, its buffers. */
function layerMemory(
  layer: string,
  shapes: LayerTensorShapes,
  optimiserCopies: number,
  feedbackElements: number,
  bytes: number,
): LayerMemory {
  const elements = ([rows, cols]: MatrixShape) => rows * cols;
  const trained = shapes.parameters.reduce((sum, shape) => sum + elements(shape), 0);
  const buffers = shapes.buffers.reduce((sum, shape) => sum + elements(shape), 0);
  const parameters = trained * bytes;
  // Adam's step counter, one per parameter matrix, stays float64 whatever the dtype.
  const optimiserState = optimiserCopies * trained * bytes + (optimiserCopies === 2 ? shapes.parameters.length * 8 : 0);
  const other = (feedbackElements + buffers) * bytes;
  // The first of the largest matrices: a dense layer's weights.
  const largest = [...shapes.parameters, ...shapes.buffers].reduce<MatrixShape>((a, b) => (elements(b) > elements(a) ? b : a), [0, 0]);
  return {
    layer,
    shape: [largest[0], largest[1]],
    largestElements: Math.max(elements(largest), feedbackElements),
    parameters,
    gradients: parameters,
    optimiserState,
    other,
    bytes: 2 * parameters + optimiserState + other,
  };
}

function combine(layer: string, parts: readonly LayerMemory[]): LayerMemory {
  const largest = parts.reduce((a, b) => (b.largestElements > a.largestElements ? b : a));
  const sum = (key: 'parameters' | 'gradients' | 'optimiserState' | 'other' | 'bytes') =>
    parts.reduce((total, part) => total + part[key], 0);
  return {
    layer,
    shape: largest.shape,
    largestElements: largest.largestElements,
    parameters: sum('parameters'),
    gradients: sum('gradients'),
    optimiserState: sum('optimiserState'),
    other: sum('other'),
    bytes: sum('bytes'),
  };
}

/** Copies of each parameter an optimiser keeps; an unknown (plugin) optimiser is counted as Adam. */
function optimiserStateCopies(spec: PluginSpec): number {
  const name = typeof spec === 'string' ? spec : spec.name;
  if (name === 'sgd') return 0;
  if (name === 'momentum' || name === 'rmsprop') return 1;
  return 2;
}

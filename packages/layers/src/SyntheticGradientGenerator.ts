import { bufferOfShape, ShapeError, zerosFor, type Matrix, type Rng, type TensorBackend } from '@synthgrad/tensor';
import { ActivationLayer } from './ActivationLayer.js';
import { assertColumns } from './assertColumns.js';
import { assertPositiveInteger } from './assertPositiveInteger.js';
import { BatchNorm } from './BatchNorm.js';
import { Dense } from './Dense.js';
import { FusedActivation } from './FusedActivation.js';
import { IdentityActivation } from './IdentityActivation.js';
import type { Initialiser } from './Initialiser.js';
import { collectState } from './collectState.js';
import type { Layer } from './Layer.js';
import type { Optimiser } from './Optimiser.js';
import type { Parameter } from './Parameter.js';
import { zerosInitialiser } from './zerosInitialiser.js';

export interface SyntheticGradientGeneratorOptions {
  /** Feature columns from the generator input. */
  inputSize: number;
  /** The layer's output width. */
  outputSize: number;
  /** Default [] = linear (the tutorial's single matrix); each hidden layer is Dense(identity) → BatchNorm → ReLU. */
  hiddenSizes?: readonly number[];
  /** A bias on the last layer (default true; the tutorial's had none). */
  bias?: boolean;
  /** Default true (the paper): the first predictions are 0, so layers do not move before the generator has learnt. */
  zeroInitLastLayer?: boolean;
  initialiser: Initialiser;
  /** Its own, separate from the layers'. */
  optimiser: Optimiser;
  rng: Rng;
  /** The regression loss over the batch: `"sum"` (default, Σ½|ĝ − g|²) or `"mean"` (divided by the batch size). */
  loss?: 'sum' | 'mean';
}

/**
 * The module M of a decoupled layer (Jaderberg et al. 2016): predicts the gradient of the loss with
 * respect to the layer's output, ĝ = M(features), and learns by regressing ĝ onto the gradient that
 * later arrives from above (true, or the next layer's synthetic one).
 *
 * Hidden layers follow the paper: linear → batch norm → ReLU; the linear maps of hidden layers have
 * no bias, since batch norm's β takes its place. The last layer is linear.
 *
 * @example
 * ```ts
 * const generator = new SyntheticGradientGenerator(backend, {
 *   inputSize: 128, outputSize: 128, initialiser, optimiser: adam, rng: new Rng(7) });
 * const syntheticGradient = generator.predict(h, true);   // batch × 128, zeros at first
 * layer.backward(syntheticGradient); layer.update(0.1);
 * // later, when dL/dh (or the next layer's ĝ backpropagated) is known:
 * const loss = generator.update(trueGradient, 0.001);     // mean over the batch of ½|ĝ − g|²
 * ```
 */
export class SyntheticGradientGenerator {
  readonly inputSize: number;
  readonly outputSize: number;
  /** The stack, input first: [Dense, BatchNorm, ActivationLayer]* then the last Dense. */
  readonly layers: readonly Layer[];

  readonly #backend: TensorBackend;
  readonly #parameters: readonly Parameter[];
  readonly #layerNames: string[] = [];
  #prediction: Matrix | null = null;
  #gradPrediction: Matrix;
  readonly #mean: boolean;

  constructor(backend: TensorBackend, options: SyntheticGradientGeneratorOptions) {
    assertPositiveInteger('SyntheticGradientGenerator.inputSize', options.inputSize);
    assertPositiveInteger('SyntheticGradientGenerator.outputSize', options.outputSize);
    const { inputSize, outputSize, initialiser, optimiser, rng } = options;
    const loss = options.loss ?? 'sum';
    if (loss !== 'sum' && loss !== 'mean') {
      throw new RangeError(`SyntheticGradientGenerator.loss: expected "sum" or "mean", got ${JSON.stringify(loss)}`);
    }
    this.#mean = loss === 'mean';
    this.#backend = backend;
    this.inputSize = inputSize;
    this.outputSize = outputSize;

    const layers: Layer[] = [];
    const parameters: Parameter[] = [];
    const identity = new IdentityActivation();
    const relu = new FusedActivation(backend, 'relu');
    const add = (prefix: string, layer: Layer) => {
      layers.push(layer);
      this.#layerNames.push(prefix);
      for (const p of layer.parameters()) parameters.push({ name: `${prefix}.${p.name}`, value: p.value, grad: p.grad });
    };
    let width = inputSize;
    (options.hiddenSizes ?? []).forEach((size, i) => {
      assertPositiveInteger(`SyntheticGradientGenerator.hiddenSizes[${i}]`, size);
      const common = { inputSize: width, outputSize: size, initialiser, optimiser, rng };
      add(`hidden${i}`, new Dense(backend, { ...common, activation: identity, bias: false }));
      add(`hidden${i}`, new BatchNorm(backend, { size, optimiser }));
      add(`hidden${i}`, new ActivationLayer(relu, size));
      width = size;
    });
    add(
      'output',
      new Dense(backend, {
        inputSize: width,
        outputSize,
        activation: identity,
        bias: options.bias ?? true,
        initialiser: (options.zeroInitLastLayer ?? true) ? zerosInitialiser : initialiser,
        optimiser,
        rng,
      }),
    );
    this.layers = layers;
    this.#parameters = parameters;
    this.#gradPrediction = zerosFor(backend, 0, outputSize);
  }

  /** ĝ = M(features), batch × outputSize; caches for update. */
  predict(features: Matrix, training: boolean): Matrix {
    assertColumns('SyntheticGradientGenerator.predict', 'features', features, this.inputSize, 'generator');
    let h = features;
    for (const layer of this.layers) h = layer.forward(h, training);
    this.#prediction = h;
    return h;
  }

  /**
   * One step toward `target` on the last predict: loss Σ½|ĝ − target|² (sum over batch), gradient
   * ĝ − target; with `loss: "mean"` both divided by the batch size. Returns the mean-over-batch
   * loss, measured before the step.
   */
  update(target: Matrix, learningRate: number): number {
    const prediction = this.#prediction;
    if (prediction === null) throw new Error('SyntheticGradientGenerator.update: called before predict');
    if (!target.sameShape(prediction)) {
      throw new ShapeError(
        `SyntheticGradientGenerator.update: target ${target.shape} but the last prediction is ${prediction.shape}`,
      );
    }
    const backend = this.#backend;
    const grad = (this.#gradPrediction = bufferOfShape(this.#gradPrediction, prediction.rows, prediction.cols));
    backend.sub(prediction, target, grad);
    const loss = (0.5 * backend.dot(grad, grad)) / prediction.rows;
    if (this.#mean) backend.scale(grad, 1 / prediction.rows, grad);
    let g = grad;
    for (let i = this.layers.length - 1; i >= 0; i--) g = this.layers[i].backward(g);
    for (const layer of this.layers) layer.update(learningRate);
    return loss;
  }

  /** Every layer's state, prefixed by position like {@link SyntheticGradientGenerator.parameters}. */
  state(): Readonly<Record<string, Matrix>> {
    const names = this.#layerNames;
    return collectState(this.layers.map((layer, i) => [names[i], layer.state()] as const));
  }

  /** Prefixed by position: `hidden0.weights`, `hidden0.gamma`, `hidden0.beta`, …, `output.weights`, `output.bias`. */
  parameters(): readonly Parameter[] {
    return this.#parameters;
  }
}

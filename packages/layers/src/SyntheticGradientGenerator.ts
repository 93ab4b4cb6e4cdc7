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
  /**
   * `"gradient"` (default): the optimiser descends the loss's gradient. `"nlms"`: normalised LMS,
   * each example's error ĝ − g divided by ε + ‖φ‖² first, φ being what the last layer reads (the
   * features themselves for a linear generator) with the bias's constant 1, so that the step no
   * longer grows with the features' scale.
   */
  step?: 'gradient' | 'nlms';
  /** ε of `"nlms"` (default 1e-6), added to each example's squared norm; ≥ 0. */
  nlmsEpsilon?: number;
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
  /** ε of normalised LMS, or null for the plain gradient step. */
  readonly #nlmsEpsilon: number | null;
  readonly #biasInput: number;
  /** What the last layer read in the last predict (normalised LMS only). */
  #lastLayerInput: Matrix | null = null;

  constructor(backend: TensorBackend, options: SyntheticGradientGeneratorOptions) {
    assertPositiveInteger('SyntheticGradientGenerator.inputSize', options.inputSize);
    assertPositiveInteger('SyntheticGradientGenerator.outputSize', options.outputSize);
    const { inputSize, outputSize, initialiser, optimiser, rng } = options;
    const loss = options.loss ?? 'sum';
    if (loss !== 'sum' && loss !== 'mean') {
      throw new RangeError(`SyntheticGradientGenerator.loss: expected "sum" or "mean", got ${JSON.stringify(loss)}`);
    }
    this.#mean = loss === 'mean';
    const step = options.step ?? 'gradient';
    if (step !== 'gradient' && step !== 'nlms') {
      throw new RangeError(`SyntheticGradientGenerator.step: expected "gradient" or "nlms", got ${JSON.stringify(step)}`);
    }
    const epsilon = options.nlmsEpsilon ?? 1e-6;
    if (typeof epsilon !== 'number' || !(epsilon >= 0 && Number.isFinite(epsilon))) {
      throw new RangeError(`SyntheticGradientGenerator.nlmsEpsilon: expected a finite number ≥ 0, got ${JSON.stringify(epsilon)}`);
    }
    this.#nlmsEpsilon = step === 'nlms' ? epsilon : null;
    this.#biasInput = (options.bias ?? true) ? 1 : 0;
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
    const last = this.layers.length - 1;
    for (let i = 0; i < last; i++) h = this.layers[i].forward(h, training);
    this.#lastLayerInput = h;
    h = this.layers[last].forward(h, training);
    this.#prediction = h;
    return h;
  }

  /**
   * One step toward `target` on the last predict: loss Σ½|ĝ − target|² (sum over batch), gradient
   * ĝ − target; with `loss: "mean"` both divided by the batch size; with `step: "nlms"` each row
   * of that gradient also divided by ε + ‖φ‖² (φ: the last layer's input row, and the bias's 1).
   * Returns the mean-over-batch loss, measured before the step.
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
    const grad = (this.#gradPrediction = bufferOfShape(this.#gradPrediction, prediction.rows, prediction.cols, backend));
    backend.sub(prediction, target, grad);
    const loss = (0.5 * backend.dot(grad, grad)) / prediction.rows;
    if (this.#mean) backend.scale(grad, 1 / prediction.rows, grad);
    if (this.#nlmsEpsilon !== null) this.#normaliseRows(grad);
    let g = grad;
    for (let i = this.layers.length - 1; i >= 0; i--) g = this.layers[i].backward(g);
    for (const layer of this.layers) layer.update(learningRate);
    return loss;
  }

  /** Divides row b of `grad` by ε + ‖φ_b‖² (+ 1 with a bias); a row with a zero norm and ε = 0 takes no step. */
  #normaliseRows(grad: Matrix): void {
    const phi = this.#lastLayerInput!;
    const offset = this.#nlmsEpsilon! + this.#biasInput;
    const { cols } = phi;
    const width = grad.cols;
    for (let b = 0; b < grad.rows; b++) {
      let norm = offset;
      for (let j = b * cols, end = j + cols; j < end; j++) norm += phi.data[j] * phi.data[j];
      const factor = norm > 0 ? 1 / norm : 0;
      for (let j = b * width, end = j + width; j < end; j++) grad.data[j] *= factor;
    }
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

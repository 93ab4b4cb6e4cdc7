import { bufferOfShape, ShapeError, zerosFor, type Matrix, type Rng, type TensorBackend } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';
import { assertColumns } from './assertColumns.js';
import { assertPositiveInteger } from './assertPositiveInteger.js';
import type { Initialiser } from './Initialiser.js';
import { collectState } from './collectState.js';
import type { Layer } from './Layer.js';
import type { Optimiser, ParameterUpdater } from './Optimiser.js';
import type { Parameter } from './Parameter.js';

export interface DenseOptions {
  inputSize: number;
  outputSize: number;
  activation: Activation;
  /** A bias row added before the activation (default true; the tutorial's layers had none). */
  bias?: boolean;
  /** Fills the weights; the bias starts at 0. */
  initialiser: Initialiser;
  optimiser: Optimiser;
  rng: Rng;
}

/**
 * A fully connected layer, out = f(in · W + b), in the tutorial's layout: W is inputSize × outputSize.
 * Buffers are owned by the layer and reused, so steps allocate nothing once the batch size is known;
 * parameters and buffers come from the backend's `zeros` when it has one (in wasm memory on `wasm`).
 *
 * @example
 * ```ts
 * const layer = new Dense(backend, { inputSize: 24, outputSize: 128, activation: sigmoid,
 *   initialiser: tutorial, optimiser: sgd, rng: new Rng(1) });
 * const h = layer.forward(x, true);   // batch × 128
 * const dx = layer.backward(dh);      // stores dW = xᵀ·dz and db = Σ dz, returns dz · Wᵀ
 * layer.update(0.1);                  // W −= 0.1 · dW (with SGD)
 * ```
 */
export class Dense implements Layer {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly activation: Activation;
  /** inputSize × outputSize. */
  readonly weights: Matrix;
  /** 1 × outputSize, or null without a bias. */
  readonly bias: Matrix | null;

  readonly #backend: TensorBackend;
  readonly #weightsGrad: Matrix;
  readonly #biasGrad: Matrix | null;
  readonly #weightsUpdater: ParameterUpdater;
  readonly #biasUpdater: ParameterUpdater | null;
  readonly #parameters: readonly Parameter[];
  #input: Matrix | null = null;
  #preActivation: Matrix;
  #output: Matrix;
  #gradPreActivation: Matrix;
  #gradInput: Matrix;

  constructor(backend: TensorBackend, options: DenseOptions) {
    assertPositiveInteger('Dense.inputSize', options.inputSize);
    assertPositiveInteger('Dense.outputSize', options.outputSize);
    const { inputSize, outputSize } = options;
    this.#backend = backend;
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.activation = options.activation;

    this.weights = zerosFor(backend, inputSize, outputSize);
    options.initialiser.initialise(this.weights, options.rng);
    this.#weightsGrad = zerosFor(backend, inputSize, outputSize);
    this.#weightsUpdater = options.optimiser.attach(this.weights);
    const parameters: Parameter[] = [{ name: 'weights', value: this.weights, grad: this.#weightsGrad }];
    if (options.bias ?? true) {
      this.bias = zerosFor(backend, 1, outputSize);
      this.#biasGrad = zerosFor(backend, 1, outputSize);
      this.#biasUpdater = options.optimiser.attach(this.bias);
      parameters.push({ name: 'bias', value: this.bias, grad: this.#biasGrad });
    } else {
      this.bias = this.#biasGrad = this.#biasUpdater = null;
    }
    this.#parameters = parameters;

    this.#preActivation = zerosFor(backend, 0, outputSize);
    this.#output = zerosFor(backend, 0, outputSize);
    this.#gradPreActivation = zerosFor(backend, 0, outputSize);
    this.#gradInput = zerosFor(backend, 0, inputSize);
  }

  /** The last forward's output (0 rows before the first forward). */
  get output(): Matrix {
    return this.#output;
  }

  /** Keeps a reference to `input` for backward: do not overwrite it before then. */
  forward(input: Matrix, _training: boolean): Matrix {
    assertColumns('Dense.forward', 'input', input, this.inputSize);
    const backend = this.#backend;
    const rows = input.rows;
    if (rows !== this.#output.rows) this.#resize(rows);
    const z = backend.matmul(input, this.weights, undefined, this.#preActivation);
    if (this.bias !== null) backend.addRowVector(z, this.bias, z);
    this.activation.forward(z, this.#output);
    this.#input = input;
    return this.#output;
  }

  /**
   * `feedback` (inputSize × outputSize, default the weights) is the matrix the gradient is sent down
   * through: dz · feedbackᵀ. Feedback alignment passes a fixed random one; parameter gradients are
   * unaffected.
   */
  backward(gradOutput: Matrix, feedback: Matrix = this.weights): Matrix {
    const input = this.#input;
    if (input === null) throw new Error('Dense.backward: called before forward');
    if (!gradOutput.sameShape(this.#output)) {
      throw new ShapeError(`Dense.backward: gradient ${gradOutput.shape} but the last output is ${this.#output.shape}`);
    }
    const backend = this.#backend;
    const dz = this.activation.backward(gradOutput, this.#preActivation, this.#output, this.#gradPreActivation);
    backend.matmul(input, dz, { transposeA: true }, this.#weightsGrad);
    if (this.#biasGrad !== null) backend.sumColumns(dz, this.#biasGrad);
    if (!feedback.sameShape(this.weights)) {
      throw new ShapeError(`Dense.backward: feedback matrix ${feedback.shape} but the weights are ${this.weights.shape}`);
    }
    return backend.matmul(dz, feedback, { transposeB: true }, this.#gradInput);
  }

  update(learningRate: number): void {
    this.#weightsUpdater.step(this.#weightsGrad, learningRate);
    if (this.#biasUpdater !== null) this.#biasUpdater.step(this.#biasGrad!, learningRate);
  }

  /** `weights` then `bias` (when present). */
  parameters(): readonly Parameter[] {
    return this.#parameters;
  }

  /** `weights`, `bias` and their optimiser state (`weights.m`, `bias.velocity`, …). */
  state(): Readonly<Record<string, Matrix>> {
    return collectState([
      ['', { weights: this.weights }],
      ['weights', this.#weightsUpdater.state()],
      ...(this.bias === null ? [] : ([['', { bias: this.bias }], ['bias', this.#biasUpdater!.state()]] as const)),
    ]);
  }

  #resize(rows: number): void {
    this.#preActivation = bufferOfShape(this.#preActivation, rows, this.outputSize, this.#backend);
    this.#output = bufferOfShape(this.#output, rows, this.outputSize, this.#backend);
    this.#gradPreActivation = bufferOfShape(this.#gradPreActivation, rows, this.outputSize, this.#backend);
    this.#gradInput = bufferOfShape(this.#gradInput, rows, this.inputSize, this.#backend);
  }
}

import { ShapeError, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';
import { collectState } from './collectState.js';
import { DenseModule, type DenseModuleOptions } from './DenseModule.js';
import type { Layer } from './Layer.js';
import type { Optimiser } from './Optimiser.js';
import { ParameterOptimiser } from './ParameterOptimiser.js';
import { StepContext } from './StepContext.js';
import type { TrainableParameter } from './TrainableParameter.js';

export interface DenseOptions extends DenseModuleOptions {
  optimiser: Optimiser;
}

/**
 * A fully connected layer, out = f(in · W + b), in the tutorial's layout: W is inputSize × outputSize.
 * The {@link Layer} face of a {@link DenseModule} (`module`), which holds the weights, the buffers
 * and the one backward rule: `backward` zeroes the gradients and runs the last forward's pullback,
 * so each backward *overwrites* the gradients, and `update` steps the layer's own optimiser.
 * Buffers are reused, so steps allocate nothing once the batch size is known; parameters and buffers
 * come from the backend's `zeros` when it has one (in wasm memory on `wasm`).
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
  /** The module this layer runs: same weights, same buffers. */
  readonly module: DenseModule;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly activation: Activation;
  /** inputSize × outputSize. */
  readonly weights: Matrix;
  /** 1 × outputSize, or null without a bias. */
  readonly bias: Matrix | null;

  readonly #optimiser: ParameterOptimiser;
  readonly #need: { input: boolean; feedback: Matrix };
  #last: ReturnType<DenseModule['forward']> | null = null;

  constructor(backend: TensorBackend, options: DenseOptions) {
    this.module = new DenseModule(backend, options);
    this.inputSize = this.module.inputSize;
    this.outputSize = this.module.outputSize;
    this.activation = this.module.activation;
    this.weights = this.module.weights.value;
    this.bias = this.module.bias?.value ?? null;
    this.#optimiser = new ParameterOptimiser(options.optimiser, this.module.parameters());
    this.#need = { input: true, feedback: this.weights };
  }

  /** The last forward's output (0 rows before the first forward). */
  get output(): Matrix {
    return this.module.output;
  }

  /** Keeps a reference to `input` for backward: do not overwrite it before then. */
  forward(input: Matrix, training: boolean): Matrix {
    const result = this.module.forward(input, training ? StepContext.training : StepContext.evaluation);
    this.#last = result;
    return result.y;
  }

  /**
   * `feedback` (inputSize × outputSize, default the weights) is the matrix the gradient is sent down
   * through: dz · feedbackᵀ. Feedback alignment passes a fixed random one; parameter gradients are
   * unaffected.
   */
  backward(gradOutput: Matrix, feedback: Matrix = this.weights): Matrix {
    return this.#backward('Dense.backward', gradOutput, feedback, true)!;
  }

  /** As {@link Dense.backward} for the parameter gradients, without computing dL/d(input). */
  backwardParameters(gradOutput: Matrix): void {
    this.#backward('Dense.backwardParameters', gradOutput, this.weights, false);
  }

  update(learningRate: number): void {
    this.#optimiser.step(learningRate);
  }

  /** `weights` then `bias` (when present). */
  parameters(): readonly TrainableParameter[] {
    return this.module.parameters();
  }

  /** `weights`, `bias` and their optimiser state (`weights.m`, `bias.velocity`, …). */
  state(): Readonly<Record<string, Matrix>> {
    const [weights, bias] = this.#optimiser.updaters;
    return collectState([
      ['', { weights: this.weights }],
      ['weights', weights.state()],
      ...(this.bias === null ? [] : ([['', { bias: this.bias }], ['bias', bias.state()]] as const)),
    ]);
  }

  #backward(op: string, gradOutput: Matrix, feedback: Matrix, input: boolean): Matrix | null {
    const last = this.#last;
    if (last === null) throw new Error(`${op}: called before forward`);
    if (!gradOutput.sameShape(last.y)) {
      throw new ShapeError(`${op}: gradient ${gradOutput.shape} but the last output is ${last.y.shape}`);
    }
    if (!feedback.sameShape(this.weights)) {
      throw new ShapeError(`${op}: feedback matrix ${feedback.shape} but the weights are ${this.weights.shape}`);
    }
    const parameters = this.module.parameters();
    for (let i = 0; i < parameters.length; i++) parameters[i].zeroGrad();
    const need = this.#need;
    need.input = input;
    need.feedback = feedback;
    return last.pullback(gradOutput, need);
  }
}

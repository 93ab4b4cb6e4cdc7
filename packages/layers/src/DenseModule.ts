import { bufferOfShape, ShapeError, zerosFor, type Matrix, type Rng, type TensorBackend } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';
import { addProductToGradient } from './addProductToGradient.js';
import { assertColumns } from './assertColumns.js';
import { assertPositiveInteger } from './assertPositiveInteger.js';
import type { FeatureShape } from './FeatureShape.js';
import type { Initialiser } from './Initialiser.js';
import type { ForwardResult, Module, PullbackNeed } from './Module.js';
import type { StepContext } from './StepContext.js';
import { TrainableParameter } from './TrainableParameter.js';
import { Workspace } from './Workspace.js';

export interface DenseModuleOptions {
  inputSize: number;
  outputSize: number;
  activation: Activation;
  /** A bias row added before the activation (default true; the tutorial's layers had none). */
  bias?: boolean;
  /** Fills the weights; the bias starts at 0. */
  initialiser: Initialiser;
  rng: Rng;
}

/** A dense pullback may send dL/dz down through another matrix than the weights (feedback alignment). */
export interface DensePullbackNeed extends PullbackNeed {
  /** inputSize × outputSize, used for dL/dx = dz · feedbackᵀ instead of the weights; parameter gradients are unaffected. */
  readonly feedback?: Matrix;
}

const transposeA = Object.freeze({ transposeA: true });
const transposeB = Object.freeze({ transposeB: true });

/** One forward's buffers and its result. */
class DenseSlot implements ForwardResult {
  input: Matrix | null = null;
  z: Matrix;
  y: Matrix;
  dz: Matrix;
  dx: Matrix;
  readonly pullback: (dy: Matrix, need?: DensePullbackNeed) => Matrix | null;

  constructor(owner: DenseModule, pullback: (slot: DenseSlot, dy: Matrix, need?: DensePullbackNeed) => Matrix | null) {
    const backend = owner.backend;
    this.z = zerosFor(backend, 0, owner.outputSize);
    this.y = zerosFor(backend, 0, owner.outputSize);
    this.dz = zerosFor(backend, 0, owner.outputSize);
    this.dx = zerosFor(backend, 0, owner.inputSize);
    this.pullback = (dy, need) => pullback(this, dy, need);
  }

  resize(rows: number, owner: DenseModule): void {
    const { backend, inputSize, outputSize } = owner;
    this.z = bufferOfShape(this.z, rows, outputSize, backend);
    this.y = bufferOfShape(this.y, rows, outputSize, backend);
    this.dz = bufferOfShape(this.dz, rows, outputSize, backend);
    this.dx = bufferOfShape(this.dx, rows, inputSize, backend);
  }
}

/**
 * A fully connected module, y = f(x · W + b), W inputSize × outputSize (the tutorial's layout), with
 * the activation fused: its pullback is dz = f'(…) ⊙ dy, W.grad += xᵀ·dz, b.grad += Σ dz, dx = dz · Wᵀ.
 * Gradients are of the loss summed over the batch. The forward keeps a reference to `x` for its
 * pullback: do not overwrite `x` before then.
 *
 * @example
 * ```ts
 * const dense = new DenseModule(backend, { inputSize: 24, outputSize: 128, activation: sigmoid,
 *   initialiser: tutorial, rng: new Rng(1) });
 * const { y, pullback } = dense.forward(x, StepContext.training);   // batch × 128
 * const dx = pullback(dy);                    // weights.grad += xᵀ·dz, returns dz · Wᵀ
 * pullback(dy, { input: false });             // adds again, and skips dz · Wᵀ (null)
 * ```
 */
export class DenseModule implements Module {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly outputShape: FeatureShape;
  readonly activation: Activation;
  readonly backend: TensorBackend;
  /** inputSize × outputSize. */
  readonly weights: TrainableParameter;
  /** 1 × outputSize (starts at 0), or null without a bias. */
  readonly bias: TrainableParameter | null;

  readonly #parameters: readonly TrainableParameter[];
  readonly #workspace: Workspace<DenseSlot>;
  #last: DenseSlot;

  constructor(backend: TensorBackend, options: DenseModuleOptions) {
    assertPositiveInteger('Dense.inputSize', options.inputSize);
    assertPositiveInteger('Dense.outputSize', options.outputSize);
    const { inputSize, outputSize } = options;
    this.backend = backend;
    this.inputSize = inputSize;
    this.outputSize = outputSize;
    this.outputShape = Object.freeze([outputSize]);
    this.activation = options.activation;

    const weights = zerosFor(backend, inputSize, outputSize);
    options.initialiser.initialise(weights, options.rng);
    this.weights = new TrainableParameter(backend, 'weights', weights);
    this.bias = (options.bias ?? true) ? new TrainableParameter(backend, 'bias', zerosFor(backend, 1, outputSize)) : null;
    this.#parameters = this.bias === null ? [this.weights] : [this.weights, this.bias];

    const pullback = (slot: DenseSlot, dy: Matrix, need?: DensePullbackNeed) => this.#pullback(slot, dy, need);
    this.#workspace = new Workspace('Dense', () => new DenseSlot(this, pullback));
    this.#last = this.#workspace.get(0);
  }

  /** The output of the last forward, whichever its slot (0 rows before the first). */
  get output(): Matrix {
    return this.#last.y;
  }

  forward(x: Matrix, ctx: StepContext): ForwardResult & { pullback(dy: Matrix, need?: DensePullbackNeed): Matrix | null } {
    assertColumns('Dense.forward', 'input', x, this.inputSize);
    const backend = this.backend;
    const slot = this.#workspace.get(ctx.slot ?? 0);
    if (x.rows !== slot.y.rows) slot.resize(x.rows, this);
    const z = backend.matmul(x, this.weights.value, undefined, slot.z);
    if (this.bias !== null) backend.addRowVector(z, this.bias.value, z);
    this.activation.forward(z, slot.y);
    slot.input = x;
    this.#last = slot;
    return slot;
  }

  /** `weights` then `bias` (when present). */
  parameters(): readonly TrainableParameter[] {
    return this.#parameters;
  }

  /** `weights` and `bias` (when present). */
  state(): Readonly<Record<string, Matrix>> {
    return this.bias === null ? { weights: this.weights.value } : { weights: this.weights.value, bias: this.bias.value };
  }

  #pullback(slot: DenseSlot, dy: Matrix, need?: DensePullbackNeed): Matrix | null {
    if (!dy.sameShape(slot.y)) {
      throw new ShapeError(`Dense.pullback: gradient ${dy.shape} but the output is ${slot.y.shape}`);
    }
    const weights = this.weights.value;
    const feedback = need?.feedback ?? weights;
    if (!feedback.sameShape(weights)) {
      throw new ShapeError(`Dense.pullback: feedback matrix ${feedback.shape} but the weights are ${weights.shape}`);
    }
    const backend = this.backend;
    const dz = this.activation.backward(dy, slot.z, slot.y, slot.dz);
    addProductToGradient(backend, slot.input!, dz, transposeA, this.weights);
    const bias = this.bias;
    if (bias !== null) {
      const target = bias.gradientTarget();
      backend.sumColumns(dz, target);
      bias.commitGradient(target);
    }
    if (need?.input === false) return null;
    return backend.matmul(dz, feedback, transposeB, slot.dx);
  }
}

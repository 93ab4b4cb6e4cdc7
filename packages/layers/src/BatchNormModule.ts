import { ConfigError } from '@synthgrad/core';
import { bufferOfShape, ShapeError, zerosFor, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { assertColumns } from './assertColumns.js';
import { assertInRange } from './assertInRange.js';
import { assertPositiveInteger } from './assertPositiveInteger.js';
import type { FeatureShape } from './FeatureShape.js';
import type { ForwardResult, Module, PullbackNeed } from './Module.js';
import type { StepContext } from './StepContext.js';
import { TrainableParameter } from './TrainableParameter.js';
import { Workspace } from './Workspace.js';

export interface BatchNormModuleOptions {
  size: number;
  /** Decay of the running statistics: running = momentum · running + (1 − momentum) · batch (default 0.9). */
  momentum?: number;
  /** Added to the variance before the square root (default 1e-5). */
  epsilon?: number;
}

/** One forward's buffers and its result. */
class BatchNormSlot implements ForwardResult {
  normalised: Matrix;
  y: Matrix;
  dx: Matrix;
  /** 1 / √(σ² + ε) of the statistics this forward used. */
  readonly inverseStd: Matrix;
  training = false;
  readonly pullback: (dy: Matrix, need?: PullbackNeed) => Matrix | null;

  constructor(backend: TensorBackend, size: number, pullback: (slot: BatchNormSlot, dy: Matrix, need?: PullbackNeed) => Matrix | null) {
    this.inverseStd = zerosFor(backend, 1, size);
    this.normalised = zerosFor(backend, 0, size);
    this.y = zerosFor(backend, 0, size);
    this.dx = zerosFor(backend, 0, size);
    this.pullback = (dy, need) => pullback(this, dy, need);
  }

  resize(rows: number, size: number, backend: TensorBackend): void {
    this.normalised = bufferOfShape(this.normalised, rows, size, backend);
    this.y = bufferOfShape(this.y, rows, size, backend);
    this.dx = bufferOfShape(this.dx, rows, size, backend);
  }
}

/**
 * Batch normalisation (Ioffe & Szegedy 2015) of each column: y = γ ⊙ (x − μ) / √(σ² + ε) + β.
 * In training mode μ and σ² are the batch's (and the pullback flows through them); the running
 * averages used in evaluation mode are updated then, the variance unbiased (× n/(n−1)) as in the paper.
 *
 * @example
 * ```ts
 * const bn = new BatchNormModule(backend, { size: 128 });
 * const { y, pullback } = bn.forward(h, StepContext.training);   // batch statistics
 * const dh = pullback(dy);                   // γ.grad += Σ dy ⊙ x̂, β.grad += Σ dy; through μ and σ² too
 * bn.forward(h, StepContext.evaluation);     // running statistics, nothing updated
 * ```
 */
export class BatchNormModule implements Module {
  readonly size: number;
  readonly outputShape: FeatureShape;
  readonly momentum: number;
  readonly epsilon: number;
  /** Scale γ, 1 × size, starts at 1. */
  readonly gamma: TrainableParameter;
  /** Shift β, 1 × size, starts at 0. */
  readonly beta: TrainableParameter;
  /** Running mean for evaluation mode, 1 × size, starts at 0. */
  readonly runningMean: Matrix;
  /** Running (unbiased) variance for evaluation mode, 1 × size, starts at 1. */
  readonly runningVariance: Matrix;

  readonly #backend: TensorBackend;
  readonly #parameters: readonly TrainableParameter[];
  // Per-column scratch, 1 × size each, used within one call.
  readonly #mean: Matrix;
  readonly #variance: Matrix;
  readonly #row: Matrix;
  readonly #inverseStdOf = (variance: number): number => 1 / Math.sqrt(variance + this.epsilon);
  readonly #workspace: Workspace<BatchNormSlot>;
  #last: BatchNormSlot;

  constructor(backend: TensorBackend, options: BatchNormModuleOptions) {
    assertPositiveInteger('BatchNorm.size', options.size);
    const size = options.size;
    this.momentum = options.momentum ?? 0.9;
    this.epsilon = options.epsilon ?? 1e-5;
    assertInRange('BatchNorm.momentum', this.momentum, 0, 1, true);
    if (!(this.epsilon > 0)) throw new ConfigError('BatchNorm.epsilon', `must be positive, got ${this.epsilon}`);
    this.#backend = backend;
    this.size = size;
    this.outputShape = Object.freeze([size]);

    const gamma = zerosFor(backend, 1, size);
    gamma.data.fill(1);
    this.gamma = new TrainableParameter(backend, 'gamma', gamma);
    this.beta = new TrainableParameter(backend, 'beta', zerosFor(backend, 1, size));
    this.runningMean = zerosFor(backend, 1, size);
    this.runningVariance = zerosFor(backend, 1, size);
    this.runningVariance.data.fill(1);
    this.#parameters = [this.gamma, this.beta];

    this.#mean = zerosFor(backend, 1, size);
    this.#variance = zerosFor(backend, 1, size);
    this.#row = zerosFor(backend, 1, size);
    const pullback = (slot: BatchNormSlot, dy: Matrix, need?: PullbackNeed) => this.#pullback(slot, dy, need);
    this.#workspace = new Workspace('BatchNorm', () => new BatchNormSlot(backend, size, pullback));
    this.#last = this.#workspace.get(0);
  }

  /** The output of the last forward, whichever its slot (0 rows before the first). */
  get output(): Matrix {
    return this.#last.y;
  }

  forward(x: Matrix, ctx: StepContext): ForwardResult {
    assertColumns('BatchNorm.forward', 'input', x, this.size);
    const backend = this.#backend;
    const rows = x.rows;
    const slot = this.#workspace.get(ctx.slot ?? 0);
    if (rows !== slot.y.rows) slot.resize(rows, this.size, backend);
    let mean = this.runningMean;
    let variance = this.runningVariance;
    if (ctx.training) {
      if (rows === 0) throw new ShapeError('BatchNorm.forward: training needs at least one row, got 0');
      mean = backend.meanColumns(x, this.#mean);
      variance = backend.varianceColumns(x, this.#variance);
      // One row has no spread to learn from: its zero variance would drag the running variance to 0.
      if (rows > 1) {
        const keep = this.momentum;
        backend.scale(this.runningMean, keep, this.runningMean);
        backend.addScaled(this.runningMean, mean, 1 - keep, this.runningMean);
        backend.scale(this.runningVariance, keep, this.runningVariance);
        backend.addScaled(this.runningVariance, variance, (1 - keep) * (rows / (rows - 1)), this.runningVariance);
      }
    }
    backend.map(variance, this.#inverseStdOf, slot.inverseStd);
    const xHat = backend.addRowVector(x, backend.scale(mean, -1, this.#row), slot.normalised);
    backend.mulRowVector(xHat, slot.inverseStd, xHat);
    backend.mulRowVector(xHat, this.gamma.value, slot.y);
    backend.addRowVector(slot.y, this.beta.value, slot.y);
    slot.training = ctx.training;
    this.#last = slot;
    return slot;
  }

  /** `gamma` then `beta`. */
  parameters(): readonly TrainableParameter[] {
    return this.#parameters;
  }

  /** `gamma`, `beta`, `runningMean` and `runningVariance`. */
  state(): Readonly<Record<string, Matrix>> {
    return {
      gamma: this.gamma.value,
      beta: this.beta.value,
      runningMean: this.runningMean,
      runningVariance: this.runningVariance,
    };
  }

  /**
   * After a training-mode forward dx = γ/σ ⊙ (g − Σg/n − x̂ ⊙ Σ(g ⊙ x̂)/n), the batch mean and
   * variance being functions of x; after an evaluation-mode forward the statistics are constants and
   * dx = γ/σ ⊙ g. The sums are this call's, whatever the gradients held before.
   */
  #pullback(slot: BatchNormSlot, dy: Matrix, need?: PullbackNeed): Matrix | null {
    if (!dy.sameShape(slot.y)) {
      throw new ShapeError(`BatchNorm.pullback: gradient ${dy.shape} but the output is ${slot.y.shape}`);
    }
    const backend = this.#backend;
    const xHat = slot.normalised;
    const dx = slot.dx;
    const row = this.#row;
    const dBeta = this.beta.gradientTarget();
    backend.sumColumns(dy, dBeta);
    const dGamma = this.gamma.gradientTarget();
    backend.sumColumns(backend.mul(dy, xHat, dx), dGamma);
    this.beta.commitGradient(dBeta);
    this.gamma.commitGradient(dGamma);
    if (need?.input === false) return null;
    if (slot.training) {
      const inverseRows = -1 / dy.rows;
      backend.mulRowVector(xHat, backend.scale(dGamma, inverseRows, row), dx);
      backend.add(dx, dy, dx);
      backend.addRowVector(dx, backend.scale(dBeta, inverseRows, row), dx);
      backend.mulRowVector(dx, backend.mul(this.gamma.value, slot.inverseStd, row), dx);
    } else {
      backend.mulRowVector(dy, backend.mul(this.gamma.value, slot.inverseStd, row), dx);
    }
    return dx;
  }
}

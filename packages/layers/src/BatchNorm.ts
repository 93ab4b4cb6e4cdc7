import { ConfigError } from '@synthgrad/core';
import { bufferOfShape, ShapeError, zerosFor, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { assertColumns } from './assertColumns.js';
import { assertInRange } from './assertInRange.js';
import { assertPositiveInteger } from './assertPositiveInteger.js';
import { collectState } from './collectState.js';
import type { Layer } from './Layer.js';
import type { Optimiser, ParameterUpdater } from './Optimiser.js';
import type { Parameter } from './Parameter.js';

export interface BatchNormOptions {
  size: number;
  /** Decay of the running statistics: running = momentum · running + (1 − momentum) · batch (default 0.9). */
  momentum?: number;
  /** Added to the variance before the square root (default 1e-5). */
  epsilon?: number;
  optimiser: Optimiser;
}

/**
 * Batch normalisation (Ioffe & Szegedy 2015) of each column: y = γ ⊙ (x − μ) / √(σ² + ε) + β.
 * In training mode μ and σ² are the batch's (and the gradient flows through them); the running
 * averages used in evaluation mode are updated then, the variance unbiased (× n/(n−1)) as in the paper.
 *
 * @example
 * ```ts
 * const bn = new BatchNorm(backend, { size: 128, optimiser: sgd });
 * const y = bn.forward(h, true);     // batch statistics; running statistics updated
 * const dh = bn.backward(dy);        // through μ and σ² too
 * bn.update(0.1);                    // γ and β
 * bn.forward(h, false);              // running statistics, nothing updated
 * ```
 */
export class BatchNorm implements Layer {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly momentum: number;
  readonly epsilon: number;
  /** Scale γ, 1 × size, starts at 1. */
  readonly gamma: Matrix;
  /** Shift β, 1 × size, starts at 0. */
  readonly beta: Matrix;
  /** Running mean for evaluation mode, 1 × size, starts at 0. */
  readonly runningMean: Matrix;
  /** Running (unbiased) variance for evaluation mode, 1 × size, starts at 1. */
  readonly runningVariance: Matrix;

  readonly #backend: TensorBackend;
  readonly #gammaGrad: Matrix;
  readonly #betaGrad: Matrix;
  readonly #gammaUpdater: ParameterUpdater;
  readonly #betaUpdater: ParameterUpdater;
  readonly #parameters: readonly Parameter[];
  // Per-column scratch, 1 × size each.
  readonly #mean: Matrix;
  readonly #variance: Matrix;
  readonly #inverseStd: Matrix;
  readonly #row: Matrix;
  readonly #inverseStdOf = (variance: number): number => 1 / Math.sqrt(variance + this.epsilon);
  #normalised: Matrix;
  #output: Matrix;
  #gradInput: Matrix;
  #lastForward: 'none' | 'training' | 'evaluation' = 'none';

  constructor(backend: TensorBackend, options: BatchNormOptions) {
    assertPositiveInteger('BatchNorm.size', options.size);
    const size = options.size;
    this.momentum = options.momentum ?? 0.9;
    this.epsilon = options.epsilon ?? 1e-5;
    assertInRange('BatchNorm.momentum', this.momentum, 0, 1, true);
    if (!(this.epsilon > 0)) throw new ConfigError('BatchNorm.epsilon', `must be positive, got ${this.epsilon}`);
    this.#backend = backend;
    this.inputSize = this.outputSize = size;

    this.gamma = zerosFor(backend, 1, size);
    this.gamma.data.fill(1);
    this.beta = zerosFor(backend, 1, size);
    this.runningMean = zerosFor(backend, 1, size);
    this.runningVariance = zerosFor(backend, 1, size);
    this.runningVariance.data.fill(1);
    this.#gammaGrad = zerosFor(backend, 1, size);
    this.#betaGrad = zerosFor(backend, 1, size);
    this.#gammaUpdater = options.optimiser.attach(this.gamma);
    this.#betaUpdater = options.optimiser.attach(this.beta);
    this.#parameters = [
      { name: 'gamma', value: this.gamma, grad: this.#gammaGrad },
      { name: 'beta', value: this.beta, grad: this.#betaGrad },
    ];

    this.#mean = zerosFor(backend, 1, size);
    this.#variance = zerosFor(backend, 1, size);
    this.#inverseStd = zerosFor(backend, 1, size);
    this.#row = zerosFor(backend, 1, size);
    this.#normalised = zerosFor(backend, 0, size);
    this.#output = zerosFor(backend, 0, size);
    this.#gradInput = zerosFor(backend, 0, size);
  }

  /** The last forward's output (0 rows before the first forward). */
  get output(): Matrix {
    return this.#output;
  }

  forward(input: Matrix, training: boolean): Matrix {
    assertColumns('BatchNorm.forward', 'input', input, this.inputSize);
    const backend = this.#backend;
    const rows = input.rows;
    if (rows !== this.#output.rows) this.#resize(rows);
    let mean = this.runningMean;
    let variance = this.runningVariance;
    if (training) {
      if (rows === 0) throw new ShapeError('BatchNorm.forward: training needs at least one row, got 0');
      mean = backend.meanColumns(input, this.#mean);
      variance = backend.varianceColumns(input, this.#variance);
      // One row has no spread to learn from: its zero variance would drag the running variance to 0.
      if (rows > 1) {
        const keep = this.momentum;
        backend.scale(this.runningMean, keep, this.runningMean);
        backend.addScaled(this.runningMean, mean, 1 - keep, this.runningMean);
        backend.scale(this.runningVariance, keep, this.runningVariance);
        backend.addScaled(this.runningVariance, variance, (1 - keep) * (rows / (rows - 1)), this.runningVariance);
      }
    }
    backend.map(variance, this.#inverseStdOf, this.#inverseStd);
    const xHat = backend.addRowVector(input, backend.scale(mean, -1, this.#row), this.#normalised);
    backend.mulRowVector(xHat, this.#inverseStd, xHat);
    backend.mulRowVector(xHat, this.gamma, this.#output);
    backend.addRowVector(this.#output, this.beta, this.#output);
    this.#lastForward = training ? 'training' : 'evaluation';
    return this.#output;
  }

  /**
   * In training mode dx = γ/σ ⊙ (g − Σg/n − x̂ ⊙ Σ(g ⊙ x̂)/n), the batch mean and variance being
   * functions of x; after an evaluation-mode forward the statistics are constants and dx = γ/σ ⊙ g.
   */
  backward(gradOutput: Matrix): Matrix {
    if (this.#lastForward === 'none') throw new Error('BatchNorm.backward: called before forward');
    if (!gradOutput.sameShape(this.#output)) {
      throw new ShapeError(`BatchNorm.backward: gradient ${gradOutput.shape} but the last output is ${this.#output.shape}`);
    }
    const backend = this.#backend;
    const xHat = this.#normalised;
    const dx = this.#gradInput;
    const row = this.#row;
    backend.sumColumns(gradOutput, this.#betaGrad);
    backend.sumColumns(backend.mul(gradOutput, xHat, dx), this.#gammaGrad);
    if (this.#lastForward === 'training') {
      const inverseRows = -1 / gradOutput.rows;
      backend.mulRowVector(xHat, backend.scale(this.#gammaGrad, inverseRows, row), dx);
      backend.add(dx, gradOutput, dx);
      backend.addRowVector(dx, backend.scale(this.#betaGrad, inverseRows, row), dx);
      backend.mulRowVector(dx, backend.mul(this.gamma, this.#inverseStd, row), dx);
    } else {
      backend.mulRowVector(gradOutput, backend.mul(this.gamma, this.#inverseStd, row), dx);
    }
    return dx;
  }

  update(learningRate: number): void {
    this.#gammaUpdater.step(this.#gammaGrad, learningRate);
    this.#betaUpdater.step(this.#betaGrad, learningRate);
  }

  /** `gamma` then `beta`. */
  parameters(): readonly Parameter[] {
    return this.#parameters;
  }

  /** `gamma`, `beta`, their optimiser state, `runningMean` and `runningVariance`. */
  state(): Readonly<Record<string, Matrix>> {
    return collectState([
      ['', { gamma: this.gamma, beta: this.beta, runningMean: this.runningMean, runningVariance: this.runningVariance }],
      ['gamma', this.#gammaUpdater.state()],
      ['beta', this.#betaUpdater.state()],
    ]);
  }

  #resize(rows: number): void {
    this.#normalised = bufferOfShape(this.#normalised, rows, this.outputSize, this.#backend);
    this.#output = bufferOfShape(this.#output, rows, this.outputSize, this.#backend);
    this.#gradInput = bufferOfShape(this.#gradInput, rows, this.outputSize, this.#backend);
  }
}

import {
  ConfigError,
  type GeneratorInput,
  type GeneratorInputContext,
  type GeneratorInputPlugin,
  type LayerShape,
} from '@synthgrad/core';
import { bufferOfShape, Matrix, zerosFor, type MatrixData, type TensorBackend } from '@synthgrad/tensor';
import { assertContextWidth } from './assertContextWidth.js';
import { layerWidth } from './layerWidth.js';
import { describeValue, readOptions } from '@synthgrad/core';

const NAME = 'batch-normalized-output';

/** Options of `batch-normalized-output`. */
export interface BatchNormalizedOutputOptions {
  /** Weight of the old running statistics in each update, `0 ≤ momentum ≤ 1` (default 0.9). */
  readonly momentum?: number;
  /** Added to the variance before the square root, `> 0` (default 1e-5). */
  readonly epsilon?: number;
}

/**
 * One layer's `batch-normalized-output` input: `(h_i − μ) / √(σ² + ε)` per column, with no learned scale
 * or shift. Training batches use their own mean and population variance and update the running
 * statistics as Keras does: `running ← momentum · running + (1 − momentum) · batch`. Measurement
 * (`training: false`) uses the running statistics (initially mean 0, variance 1) and changes nothing.
 *
 * @example
 * ```ts
 * const input = batchNormalizedOutputGeneratorInput.create(shape, { momentum: 0.99 }, environment);
 * input.features({ ...context, training: true }); // each column: mean 0, variance ≈ 1
 * ```
 */
export class BatchNormalizedOutput implements GeneratorInput {
  readonly size: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly #shape: LayerShape;
  readonly #backend: TensorBackend;
  readonly #runningMean: Matrix;
  readonly #runningVariance: Matrix;
  readonly #batchMean: Matrix;
  readonly #batchVariance: Matrix;
  readonly #shift: Matrix;
  readonly #inverseStd: Matrix;
  readonly #inverseStdOf: (variance: number) => number;
  #out: Matrix | undefined;

  constructor(shape: LayerShape, backend: TensorBackend, options: Required<BatchNormalizedOutputOptions>) {
    this.size = shape.outputSize;
    this.momentum = options.momentum;
    this.epsilon = options.epsilon;
    this.#shape = shape;
    this.#backend = backend;
    // The backend's dtype (float32 statistics on a float32 backend), as the layers' BatchNorm.
    this.#runningMean = zerosFor(backend, 1, this.size);
    this.#runningVariance = zerosFor(backend, 1, this.size);
    this.#runningVariance.data.fill(1);
    this.#batchMean = zerosFor(backend, 1, this.size);
    this.#batchVariance = zerosFor(backend, 1, this.size);
    this.#shift = zerosFor(backend, 1, this.size);
    this.#inverseStd = zerosFor(backend, 1, this.size);
    const epsilon = this.epsilon;
    this.#inverseStdOf = (variance) => 1 / Math.sqrt(variance + epsilon);
  }

  /** A copy of the running mean per column. */
  get runningMean(): MatrixData {
    return this.#runningMean.data.slice();
  }

  /** A copy of the running (population) variance per column. */
  get runningVariance(): MatrixData {
    return this.#runningVariance.data.slice();
  }

  /** `runningMean` and `runningVariance`, live. */
  state(): Readonly<Record<string, Matrix>> {
    return { runningMean: this.#runningMean, runningVariance: this.#runningVariance };
  }

  /** batch × size; the returned matrix is reused by the next call with the same batch size. */
  features(context: GeneratorInputContext): Matrix {
    const output = assertContextWidth(NAME, context, 'layerOutput', this.#shape, 'outputSize');
    const out = (this.#out = bufferOfShape(this.#out, output.rows, this.size, output));
    // An empty batch has no statistics; updating with NaN would poison the running ones for good.
    if (output.rows === 0) return out;
    const backend = this.#backend;
    let mean = this.#runningMean;
    let variance = this.#runningVariance;
    if (context.training) {
      mean = backend.meanColumns(output, this.#batchMean);
      variance = backend.varianceColumns(output, this.#batchVariance);
      this.#updateRunning(this.#runningMean, mean);
      this.#updateRunning(this.#runningVariance, variance);
    }
    backend.scale(mean, -1, this.#shift);
    backend.map(variance, this.#inverseStdOf, this.#inverseStd);
    backend.addRowVector(output, this.#shift, out);
    return backend.mulRowVector(out, this.#inverseStd, out);
  }

  #updateRunning(running: Matrix, batch: Matrix): void {
    this.#backend.scale(running, this.momentum, running);
    this.#backend.addScaled(running, batch, 1 - this.momentum, running);
  }
}

/**
 * `batch-normalized-output`: the layer's output standardised per column, the input the paper uses for
 * feed-forward networks. State (running statistics) is per layer: each `create` starts fresh.
 * Options: {@link BatchNormalizedOutputOptions}.
 *
 * @example
 * ```ts
 * createGeneratorInput(registry, { name: 'batch-normalized-output', options: { momentum: 0.99 } }, shape, backend);
 * ```
 */
export const batchNormalizedOutputGeneratorInput: GeneratorInputPlugin<BatchNormalizedOutputOptions> = {
  name: NAME,
  description: "the layer's output standardised per column (batch statistics in training, running ones otherwise)",
  create(shape, options, environment): BatchNormalizedOutput {
    const read = readOptions(NAME, options, ['momentum', 'epsilon']);
    const momentum = read.momentum ?? 0.9;
    const epsilon = read.epsilon ?? 1e-5;
    if (typeof momentum !== 'number' || !(momentum >= 0 && momentum <= 1)) {
      throw new ConfigError(`${NAME}.momentum`, `must be a number from 0 to 1, got ${describeValue(momentum)}`);
    }
    if (typeof epsilon !== 'number' || !(epsilon > 0) || !Number.isFinite(epsilon)) {
      throw new ConfigError(`${NAME}.epsilon`, `must be a finite number > 0, got ${describeValue(epsilon)}`);
    }
    layerWidth(NAME, shape, 'outputSize');
    return new BatchNormalizedOutput(shape, environment.backend, { momentum, epsilon });
  },
};

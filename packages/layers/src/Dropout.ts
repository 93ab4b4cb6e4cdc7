import { bufferOfShape, Matrix, ShapeError, type Rng, type TensorBackend } from '@synthgrad/tensor';
import { assertColumns } from './assertColumns.js';
import { assertInRange } from './assertInRange.js';
import { assertPositiveInteger } from './assertPositiveInteger.js';
import type { Layer } from './Layer.js';
import type { Parameter } from './Parameter.js';

export interface DropoutOptions {
  size: number;
  /** Probability, in [0, 1), that a unit is zeroed in training. */
  rate: number;
  /** The layer's own stream of masks (fork it from the network's: `rng.fork()`). */
  rng: Rng;
}

const noParameters: readonly Parameter[] = Object.freeze([]);

/**
 * Inverted dropout (Srivastava et al. 2014): in training each unit is kept with probability 1 − rate
 * and scaled by 1 / (1 − rate), zeroed otherwise, so the expected output is the input; in
 * evaluation it is the identity. The mask is drawn row-major from the layer's own stream, one
 * `uniform()` per unit (zeroed when below `rate`); the stream's position is part of the layer's
 * state (`rng`), so a loaded model draws the masks the saved one would have.
 *
 * @example
 * ```ts
 * const dropout = new Dropout(backend, { size: 64, rate: 0.5, rng: rng.fork() });
 * const y = dropout.forward(h, true);   // h ⊙ mask, mask ∈ {0, 2}
 * const dh = dropout.backward(dy);      // dy ⊙ mask
 * dropout.forward(h, false);            // h
 * ```
 */
export class Dropout implements Layer {
  readonly inputSize: number;
  readonly outputSize: number;
  readonly rate: number;

  readonly #backend: TensorBackend;
  readonly #rng: Rng;
  /** The stream's state (`Rng.saveState`), float64 whatever the backend's dtype: 32-bit words must stay exact. */
  readonly #rngState: Matrix;
  #mask: Matrix | undefined;
  #output: Matrix | undefined;
  #gradInput: Matrix | undefined;
  #masked = false;
  #forwarded = false;

  constructor(backend: TensorBackend, options: DropoutOptions) {
    assertPositiveInteger('Dropout.size', options.size);
    assertInRange('Dropout.rate', options.rate, 0, 1);
    this.#backend = backend;
    this.inputSize = this.outputSize = options.size;
    this.rate = options.rate;
    this.#rng = options.rng;
    this.#rngState = new Matrix(1, 6, options.rng.saveState());
  }

  forward(input: Matrix, training: boolean): Matrix {
    assertColumns('Dropout.forward', 'input', input, this.inputSize);
    const backend = this.#backend;
    const output = (this.#output = bufferOfShape(this.#output, input.rows, this.outputSize, backend));
    this.#masked = training && this.rate > 0;
    this.#forwarded = true;
    if (!this.#masked) return backend.scale(input, 1, output);
    const mask = (this.#mask = bufferOfShape(this.#mask, input.rows, this.outputSize, backend));
    const rng = this.#rng;
    rng.restoreState(this.#rngState.data);
    const keep = 1 / (1 - this.rate);
    const values = mask.data;
    for (let i = 0; i < values.length; i++) values[i] = rng.uniform() < this.rate ? 0 : keep;
    this.#rngState.data.set(rng.saveState());
    return backend.mul(input, mask, output);
  }

  /** dy ⊙ mask after a training forward; dy after an evaluation one. */
  backward(gradOutput: Matrix): Matrix {
    if (!this.#forwarded) throw new Error('Dropout.backward: called before forward');
    if (!gradOutput.sameShape(this.#output!)) {
      throw new ShapeError(`Dropout.backward: gradient ${gradOutput.shape} but the last output is ${this.#output!.shape}`);
    }
    const backend = this.#backend;
    const gradInput = (this.#gradInput = bufferOfShape(this.#gradInput, gradOutput.rows, this.inputSize, backend));
    return this.#masked ? backend.mul(gradOutput, this.#mask!, gradInput) : backend.scale(gradOutput, 1, gradInput);
  }

  update(_learningRate: number): void {}

  parameters(): readonly Parameter[] {
    return noParameters;
  }

  /** `rng`: where the mask stream stands (1 × 6, see `Rng.saveState`). */
  state(): Readonly<Record<string, Matrix>> {
    return { rng: this.#rngState };
  }
}

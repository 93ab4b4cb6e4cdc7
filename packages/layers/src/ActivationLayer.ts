import { bufferOfShape, Matrix, ShapeError } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';
import { assertColumns } from './assertColumns.js';
import { assertPositiveInteger } from './assertPositiveInteger.js';
import type { Layer } from './Layer.js';
import type { Parameter } from './Parameter.js';

const noParameters: readonly Parameter[] = Object.freeze([]);

/**
 * An activation as a layer of its own, for stacks that put something between the linear map and
 * the non-linearity: Dense(identity) → BatchNorm → ActivationLayer(relu), as the paper's generators do.
 *
 * @example
 * ```ts
 * const relu = new ActivationLayer(activations.get('relu').create(backend), 64);
 * const y = relu.forward(bn.forward(h, true), true);
 * ```
 */
export class ActivationLayer implements Layer {
  readonly inputSize: number;
  readonly outputSize: number;
  #input: Matrix | null = null;
  #output: Matrix;
  #gradInput: Matrix;

  constructor(
    readonly activation: Activation,
    size: number,
  ) {
    assertPositiveInteger('ActivationLayer.size', size);
    this.inputSize = this.outputSize = size;
    this.#output = new Matrix(0, size);
    this.#gradInput = new Matrix(0, size);
  }

  /** The last forward's output (0 rows before the first forward). */
  get output(): Matrix {
    return this.#output;
  }

  /** Keeps a reference to `input` for backward: do not overwrite it before then. */
  forward(input: Matrix, _training: boolean): Matrix {
    assertColumns('ActivationLayer.forward', 'input', input, this.inputSize);
    if (input.rows !== this.#output.rows) {
      // The first buffers (after the 0-row placeholders) take the input's dtype.
      const first = this.#output.size === 0 && this.#output.dtype !== input.dtype;
      this.#output = bufferOfShape(first ? undefined : this.#output, input.rows, this.outputSize, input);
      this.#gradInput = bufferOfShape(first ? undefined : this.#gradInput, input.rows, this.inputSize, input);
    }
    this.activation.forward(input, this.#output);
    this.#input = input;
    return this.#output;
  }

  backward(gradOutput: Matrix): Matrix {
    if (this.#input === null) throw new Error('ActivationLayer.backward: called before forward');
    if (!gradOutput.sameShape(this.#output)) {
      throw new ShapeError(
        `ActivationLayer.backward: gradient ${gradOutput.shape} but the last output is ${this.#output.shape}`,
      );
    }
    return this.activation.backward(gradOutput, this.#input, this.#output, this.#gradInput);
  }

  update(_learningRate: number): void {}

  parameters(): readonly Parameter[] {
    return noParameters;
  }

  /** None: an activation has no state. */
  state(): Readonly<Record<string, Matrix>> {
    return {};
  }
}

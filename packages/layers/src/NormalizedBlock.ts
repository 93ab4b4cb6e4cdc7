import { bufferOfShape, type Matrix } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';
import type { BatchNorm } from './BatchNorm.js';
import { collectState } from './collectState.js';
import type { Dense } from './Dense.js';
import type { Layer } from './Layer.js';
import type { Parameter } from './Parameter.js';

/**
 * The paper's hidden unit: linear → batch norm → activation, one decoupled layer.
 * Its output `h = f(BN(x·W))` is what a synthetic gradient is predicted for. The `dense` layer kind
 * builds it for a spec with `batchNorm: true`.
 *
 * @example
 * ```ts
 * const block = new NormalizedBlock(new Dense(backend, { ...options, activation: identity, bias: false }),
 *   new BatchNorm(backend, { size: 64, optimiser }), relu);
 * const h = block.forward(x, true);   // relu(BN(x·W))
 * ```
 */
export class NormalizedBlock implements Layer {
  readonly inputSize: number;
  readonly outputSize: number;
  #z: Matrix | undefined;
  #y: Matrix | undefined;
  #gradZ: Matrix | undefined;

  constructor(
    readonly dense: Dense,
    readonly batchNorm: BatchNorm,
    readonly activation: Activation,
  ) {
    this.inputSize = dense.inputSize;
    this.outputSize = dense.outputSize;
  }

  forward(input: Matrix, training: boolean): Matrix {
    const z = this.batchNorm.forward(this.dense.forward(input, training), training);
    this.#y = bufferOfShape(this.#y, z.rows, z.cols, z);
    this.#gradZ = bufferOfShape(this.#gradZ, z.rows, z.cols, z);
    this.#z = z;
    return this.activation.forward(z, this.#y);
  }

  /** `feedback` replaces the dense weights on the way down (see `Dense.backward`). */
  backward(gradOutput: Matrix, feedback?: Matrix): Matrix {
    const gradZ = this.activation.backward(gradOutput, this.#z!, this.#y!, this.#gradZ!);
    return this.dense.backward(this.batchNorm.backward(gradZ), feedback);
  }

  update(learningRate: number): void {
    this.dense.update(learningRate);
    this.batchNorm.update(learningRate);
  }

  state(): Readonly<Record<string, Matrix>> {
    return collectState([
      ['dense', this.dense.state()],
      ['batchNorm', this.batchNorm.state()],
    ]);
  }

  parameters(): readonly Parameter[] {
    return [
      ...this.dense.parameters().map((p) => ({ ...p, name: `dense.${p.name}` })),
      ...this.batchNorm.parameters().map((p) => ({ ...p, name: `batchNorm.${p.name}` })),
    ];
  }
}

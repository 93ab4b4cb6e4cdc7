import { collectState, type Activation, type BatchNorm, type Dense, type Layer, type Parameter } from '@synthgrad/layers';
import { bufferOfShape, type Matrix } from '@synthgrad/tensor';

/**
 * The paper's hidden unit: linear → batch norm → activation, one decoupled layer.
 * Its output `h = f(BN(x·W))` is what a synthetic gradient is predicted for.
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

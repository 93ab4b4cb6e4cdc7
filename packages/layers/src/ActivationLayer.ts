import { ShapeError, type Matrix } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';
import { ActivationModule } from './ActivationModule.js';
import type { Layer } from './Layer.js';
import type { ForwardResult } from './Module.js';
import { StepContext } from './StepContext.js';
import type { TrainableParameter } from './TrainableParameter.js';

/**
 * An activation as a layer of its own, for stacks that put something between the linear map and
 * the non-linearity: Dense(identity) → BatchNorm → ActivationLayer(relu), as the paper's generators do.
 * The {@link Layer} face of an {@link ActivationModule} (`module`).
 *
 * @example
 * ```ts
 * const relu = new ActivationLayer(activations.get('relu').create(backend), 64);
 * const y = relu.forward(bn.forward(h, true), true);
 * ```
 */
export class ActivationLayer implements Layer {
  /** The module this layer runs. */
  readonly module: ActivationModule;
  readonly inputSize: number;
  readonly outputSize: number;
  #last: ForwardResult | null = null;

  constructor(
    readonly activation: Activation,
    size: number,
  ) {
    this.module = new ActivationModule(activation, size);
    this.inputSize = this.outputSize = size;
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

  backward(gradOutput: Matrix): Matrix {
    const last = this.#last;
    if (last === null) throw new Error('ActivationLayer.backward: called before forward');
    if (!gradOutput.sameShape(last.y)) {
      throw new ShapeError(`ActivationLayer.backward: gradient ${gradOutput.shape} but the last output is ${last.y.shape}`);
    }
    return last.pullback(gradOutput)!;
  }

  /** Nothing to do: an activation has no parameters. */
  backwardParameters(_gradOutput: Matrix): void {}

  update(_learningRate: number): void {}

  parameters(): readonly TrainableParameter[] {
    return this.module.parameters();
  }

  /** None: an activation has no state. */
  state(): Readonly<Record<string, Matrix>> {
    return {};
  }
}

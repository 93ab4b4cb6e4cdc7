import { bufferOfShape, Matrix, ShapeError } from '@synthgrad/tensor';
import type { Activation } from './Activation.js';
import { assertColumns } from './assertColumns.js';
import { assertPositiveInteger } from './assertPositiveInteger.js';
import type { FeatureShape } from './FeatureShape.js';
import type { ForwardResult, Module, PullbackNeed } from './Module.js';
import type { StepContext } from './StepContext.js';
import type { TrainableParameter } from './TrainableParameter.js';
import { Workspace } from './Workspace.js';

const noParameters: readonly TrainableParameter[] = Object.freeze([]);

/** One forward's buffers and its result. */
class ActivationSlot implements ForwardResult {
  input: Matrix | null = null;
  y: Matrix;
  dx: Matrix;
  readonly pullback: (dy: Matrix, need?: PullbackNeed) => Matrix | null;

  constructor(size: number, pullback: (slot: ActivationSlot, dy: Matrix, need?: PullbackNeed) => Matrix | null) {
    this.y = new Matrix(0, size);
    this.dx = new Matrix(0, size);
    this.pullback = (dy, need) => pullback(this, dy, need);
  }

  resize(input: Matrix, size: number): void {
    // The first buffers (after the 0-row placeholders) take the input's dtype.
    const first = this.y.size === 0 && this.y.dtype !== input.dtype;
    this.y = bufferOfShape(first ? undefined : this.y, input.rows, size, input);
    this.dx = bufferOfShape(first ? undefined : this.dx, input.rows, size, input);
  }
}

/**
 * An activation as a module of its own, y = f(x) with pullback dx = f'(x) ⊙ dy (row-wise for
 * softmax): for stacks that put something between the linear map and the non-linearity, as the
 * paper's generators do (dense → batch norm → relu). It has no parameters; its buffers take the
 * input's dtype. The forward keeps a reference to `x` for its pullback.
 *
 * @example
 * ```ts
 * const relu = new ActivationModule(activations.get('relu').create(backend), 64);
 * const { y, pullback } = relu.forward(z, StepContext.training);
 * const dz = pullback(dy);
 * ```
 */
export class ActivationModule implements Module {
  readonly size: number;
  readonly outputShape: FeatureShape;
  readonly #workspace: Workspace<ActivationSlot>;
  #last: ActivationSlot;

  constructor(
    readonly activation: Activation,
    size: number,
  ) {
    assertPositiveInteger('ActivationLayer.size', size);
    this.size = size;
    this.outputShape = Object.freeze([size]);
    const pullback = (slot: ActivationSlot, dy: Matrix, need?: PullbackNeed) => this.#pullback(slot, dy, need);
    this.#workspace = new Workspace('ActivationLayer', () => new ActivationSlot(size, pullback));
    this.#last = this.#workspace.get(0);
  }

  /** The output of the last forward, whichever its slot (0 rows before the first). */
  get output(): Matrix {
    return this.#last.y;
  }

  forward(x: Matrix, ctx: StepContext): ForwardResult {
    assertColumns('ActivationLayer.forward', 'input', x, this.size);
    const slot = this.#workspace.get(ctx.slot ?? 0);
    if (x.rows !== slot.y.rows) slot.resize(x, this.size);
    this.activation.forward(x, slot.y);
    slot.input = x;
    this.#last = slot;
    return slot;
  }

  parameters(): readonly TrainableParameter[] {
    return noParameters;
  }

  /** None: an activation has no state. */
  state(): Readonly<Record<string, Matrix>> {
    return {};
  }

  #pullback(slot: ActivationSlot, dy: Matrix, need?: PullbackNeed): Matrix | null {
    if (!dy.sameShape(slot.y)) {
      throw new ShapeError(`ActivationLayer.pullback: gradient ${dy.shape} but the output is ${slot.y.shape}`);
    }
    if (need?.input === false) return null;
    return this.activation.backward(dy, slot.input!, slot.y, slot.dx);
  }
}

import { zerosFor, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import type { Parameter } from './Parameter.js';

/**
 * A parameter of a module: its value and the gradient its pullbacks accumulate into (`grad += …`).
 *
 * `zeroGrad()` costs nothing at once: the parameter remembers that its gradient is zero, and the next
 * pullback *writes* its contribution instead of adding it to zeros (0 + a = a, so the numbers are the
 * same), so a step with one pullback per parameter makes no extra pass. Reading `grad` while it is
 * marked zero fills it with zeros first, so what it shows is always the true gradient.
 *
 * @example
 * ```ts
 * const { y, pullback } = dense.forward(x, StepContext.training);
 * pullback(dy);                          // weights.grad = xᵀ·dz
 * dense.forward(x2, StepContext.training).pullback(dy2);   // weights.grad += x2ᵀ·dz2
 * zeroGrad(dense.parameters());          // both marked zero
 * ```
 */
export class TrainableParameter implements Parameter {
  declare readonly grad: Matrix;
  readonly #grad: Matrix;
  readonly #backend: TensorBackend;
  #zero = true;
  /** Marked zero, but its storage still holds an older gradient. */
  #stale = false;
  #scratch: Matrix | null = null;

  constructor(
    backend: TensorBackend,
    readonly name: string,
    readonly value: Matrix,
  ) {
    this.#backend = backend;
    this.#grad = zerosFor(backend, value.rows, value.cols);
    // An own, enumerable accessor: `{ ...parameter }` and `parameter.grad` both see the gradient.
    // One shared descriptor, so every parameter keeps one hidden class.
    Object.defineProperty(this, 'grad', TrainableParameter.#gradProperty);
  }

  /** True from `zeroGrad()` (and construction) until a pullback contributes. */
  get gradIsZero(): boolean {
    return this.#zero;
  }

  /** Marks the gradient zero without touching its storage. */
  zeroGrad(): void {
    if (!this.#zero) {
      this.#zero = true;
      this.#stale = true;
    }
  }

  /**
   * Where a pullback writes its contribution: the gradient itself when it is zero (then no longer
   * zero), else a scratch matrix of the parameter's shape; hand it to {@link commitGradient} once written.
   */
  gradientTarget(): Matrix {
    if (this.#zero) return this.claimGradient();
    return (this.#scratch ??= zerosFor(this.#backend, this.value.rows, this.value.cols));
  }

  /**
   * The gradient's storage, to be written or added to in place by the caller (no longer zero, and
   * not filled with zeros first): write when {@link gradIsZero} was true, else add.
   */
  claimGradient(): Matrix {
    this.#zero = false;
    this.#stale = false;
    return this.#grad;
  }

  /** Adds a contribution written into the scratch of {@link gradientTarget} (nothing to do for the gradient itself). */
  commitGradient(target: Matrix): void {
    if (target !== this.#grad) this.#backend.add(this.#grad, target, this.#grad);
  }

  static readonly #gradProperty: PropertyDescriptor = {
    enumerable: true,
    get(this: TrainableParameter): Matrix {
      if (this.#stale) {
        this.#grad.data.fill(0);
        this.#stale = false;
      }
      return this.#grad;
    },
  };
}

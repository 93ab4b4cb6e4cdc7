import { bufferOfShape, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { assertSameShape } from './assertSameShape.js';
import type { Loss } from './Loss.js';
import type { PullbackNeed } from './Module.js';
import type { StepContext } from './StepContext.js';
import { Workspace } from './Workspace.js';

/**
 * A loss evaluated at one output: its value, and the pullback to dL/d(output).
 * Valid until the loss module runs forward again in the same slot.
 */
export interface LossResult {
  /** Mean over the batch of the per-example loss (computed when asked). */
  value(): number;
  /** dL/d(output), exactly the loss's `gradient` (with that loss's batch reduction); null with `{ input: false }`. */
  pullback(need?: PullbackNeed): Matrix | null;
}

/** One forward's operands, gradient buffer and result. */
class LossSlot implements LossResult {
  output: Matrix | null = null;
  target: Matrix | null = null;
  gradient: Matrix | undefined;
  readonly value: () => number;
  readonly pullback: (need?: PullbackNeed) => Matrix | null;

  constructor(owner: LossModule) {
    this.value = () => owner.loss.value(this.output!, this.target!);
    this.pullback = (need) => {
      if (need?.input === false) return null;
      const output = this.output!;
      this.gradient = bufferOfShape(this.gradient, output.rows, output.cols, owner.backend);
      return owner.loss.gradient(output, this.target!, this.gradient);
    };
  }
}

/**
 * A {@link Loss} as the top of a chain of pullbacks: `forward(output, target)` records both, and
 * its pullback gives dL/d(output) as the loss's own `gradient` does (the tutorial's delta of the
 * loss summed over the batch, the others of their mean), into a buffer it reuses. The forward keeps
 * references to `output` and `target`: do not overwrite them before the pullback.
 *
 * @example
 * ```ts
 * const loss = new LossModule(backend, losses.get('mse').create(backend));
 * const out = net.forward(x, StepContext.training);
 * const at = loss.forward(out.y, labels);
 * console.log(at.value());
 * out.pullback(at.pullback()!, { input: false });
 * ```
 */
export class LossModule {
  readonly #workspace: Workspace<LossSlot>;

  constructor(
    readonly backend: TensorBackend,
    readonly loss: Loss,
  ) {
    this.#workspace = new Workspace(`LossModule(${loss.name})`, () => new LossSlot(this));
  }

  forward(output: Matrix, target: Matrix, ctx?: StepContext): LossResult {
    assertSameShape(`${this.loss.name}.forward`, 'output', output, 'target', target);
    const slot = this.#workspace.get(ctx?.slot ?? 0);
    slot.output = output;
    slot.target = target;
    return slot;
  }
}

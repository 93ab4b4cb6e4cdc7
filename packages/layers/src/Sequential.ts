import type { Matrix } from '@synthgrad/tensor';
import { collectState } from './collectState.js';
import type { FeatureShape } from './FeatureShape.js';
import type { ForwardResult, Module, PullbackNeed } from './Module.js';
import type { StepContext } from './StepContext.js';
import type { TrainableParameter } from './TrainableParameter.js';
import { Workspace } from './Workspace.js';

const needInput: PullbackNeed = Object.freeze({ input: true });

/** One forward's child results and its own result. */
class SequentialSlot implements ForwardResult {
  y!: Matrix;
  readonly children: ForwardResult[];
  readonly pullback: (dy: Matrix, need?: PullbackNeed) => Matrix | null;

  constructor(count: number, pullback: (slot: SequentialSlot, dy: Matrix, need?: PullbackNeed) => Matrix | null) {
    this.children = new Array<ForwardResult>(count);
    this.pullback = (dy, need) => pullback(this, dy, need);
  }
}

/**
 * Modules applied one after another; its pullback runs the children's pullbacks in reverse, asking
 * the first child for dL/dx only when its own caller asks. Every child runs in the caller's slot.
 * `parameters()` are the children's own objects (their names unprefixed); `state()` prefixes each
 * child's by its position (`0.weights`, `1.gamma`, …).
 *
 * @example
 * ```ts
 * const block = new Sequential([dense, batchNorm, relu]);
 * const { y, pullback } = block.forward(x, StepContext.training);
 * pullback(dy, { input: false });   // every parameter's gradient, no dL/dx at the bottom
 * ```
 */
export class Sequential implements Module {
  readonly modules: readonly Module[];
  readonly outputShape: FeatureShape;
  readonly #parameters: readonly TrainableParameter[];
  readonly #workspace: Workspace<SequentialSlot>;

  constructor(modules: readonly Module[]) {
    if (modules.length === 0) throw new RangeError('Sequential: needs at least one module, got none');
    this.modules = [...modules];
    this.outputShape = modules[modules.length - 1].outputShape;
    this.#parameters = modules.flatMap((m) => m.parameters());
    const pullback = (slot: SequentialSlot, dy: Matrix, need?: PullbackNeed) => this.#pullback(slot, dy, need);
    this.#workspace = new Workspace('Sequential', () => new SequentialSlot(modules.length, pullback));
  }

  forward(x: Matrix, ctx: StepContext): ForwardResult {
    const slot = this.#workspace.get(ctx.slot ?? 0);
    const { modules } = this;
    const children = slot.children;
    let h = x;
    for (let i = 0; i < modules.length; i++) {
      const result = modules[i].forward(h, ctx);
      children[i] = result;
      h = result.y;
    }
    slot.y = h;
    return slot;
  }

  parameters(): readonly TrainableParameter[] {
    return this.#parameters;
  }

  state(): Readonly<Record<string, Matrix>> {
    return collectState(this.modules.map((m, i) => [String(i), m.state()] as const));
  }

  #pullback(slot: SequentialSlot, dy: Matrix, need?: PullbackNeed): Matrix | null {
    const children = slot.children;
    let g: Matrix | null = dy;
    for (let i = children.length - 1; i > 0; i--) g = children[i].pullback(g!, needInput);
    return children[0].pullback(g!, need);
  }
}

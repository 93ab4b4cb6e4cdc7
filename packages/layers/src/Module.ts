import type { Matrix } from '@synthgrad/tensor';
import type { FeatureShape } from './FeatureShape.js';
import type { StepContext } from './StepContext.js';
import type { TrainableParameter } from './TrainableParameter.js';

/** What a pullback is asked for: `input: false` skips dL/dx (and returns null). */
export interface PullbackNeed {
  /** Compute and return dL/dx (default true). */
  readonly input?: boolean;
}

/**
 * The output of one forward pass and the way back through it.
 *
 * `pullback(dy)` adds this forward's parameter gradients for dL/dy = dy into every parameter's
 * `grad` and returns dL/dx (a buffer the module owns), or null with `{ input: false }`. It may be
 * called more than once; each call adds again. Both stay valid until the module runs forward again
 * in the same workspace slot ({@link StepContext.slot}).
 */
export interface ForwardResult {
  readonly y: Matrix;
  pullback(dy: Matrix, need?: PullbackNeed): Matrix | null;
}

/**
 * A differentiable piece of a network: primitives (dense, batch norm, activations) with hand-written
 * backward rules over the backend's fused kernels, and compositions (`Sequential`) whose pullbacks
 * run their children's in reverse. Optimisers live outside, acting on `parameters()`.
 *
 * @example
 * ```ts
 * const net = new Sequential([dense, batchNorm, relu]);
 * zeroGrad(net.parameters());
 * const { y, pullback } = net.forward(x, StepContext.training);
 * pullback(dLoss, { input: false });   // parameter gradients only
 * optimiser.step(0.1);
 * ```
 */
export interface Module {
  /** The feature shape of one output row (e.g. `[units]`). */
  readonly outputShape: FeatureShape;
  forward(x: Matrix, ctx: StepContext): ForwardResult;
  /** Value + gradient pairs, the same objects every call (so `zeroGrad` and optimisers can hold them). */
  parameters(): readonly TrainableParameter[];
  /** Parameters and statistics as named live matrices (loading a saved model writes into them). */
  state(): Readonly<Record<string, Matrix>>;
}

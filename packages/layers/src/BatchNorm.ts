import { ShapeError, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { BatchNormModule, type BatchNormModuleOptions } from './BatchNormModule.js';
import { collectState } from './collectState.js';
import type { Layer } from './Layer.js';
import type { ForwardResult, PullbackNeed } from './Module.js';
import type { Optimiser } from './Optimiser.js';
import { ParameterOptimiser } from './ParameterOptimiser.js';
import { StepContext } from './StepContext.js';
import type { TrainableParameter } from './TrainableParameter.js';

export interface BatchNormOptions extends BatchNormModuleOptions {
  optimiser: Optimiser;
}

const noInput: PullbackNeed = Object.freeze({ input: false });

/**
 * Batch normalisation (Ioffe & Szegedy 2015) of each column: y = γ ⊙ (x − μ) / √(σ² + ε) + β.
 * In training mode μ and σ² are the batch's (and the gradient flows through them); the running
 * averages used in evaluation mode are updated then, the variance unbiased (× n/(n−1)) as in the paper.
 * The {@link Layer} face of a {@link BatchNormModule} (`module`), which holds the parameters,
 * statistics, buffers and the one backward rule; each `backward` overwrites the gradients.
 *
 * @example
 * ```ts
 * const bn = new BatchNorm(backend, { size: 128, optimiser: sgd });
 * const y = bn.forward(h, true);     // batch statistics; running statistics updated
 * const dh = bn.backward(dy);        // through μ and σ² too
 * bn.update(0.1);                    // γ and β
 * bn.forward(h, false);              // running statistics, nothing updated
 * ```
 */
export class BatchNorm implements Layer {
  /** The module this layer runs: same parameters, statistics and buffers. */
  readonly module: BatchNormModule;
  readonly inputSize: number;
  readonly outputSize: number;
  readonly momentum: number;
  readonly epsilon: number;
  /** Scale γ, 1 × size, starts at 1. */
  readonly gamma: Matrix;
  /** Shift β, 1 × size, starts at 0. */
  readonly beta: Matrix;
  /** Running mean for evaluation mode, 1 × size, starts at 0. */
  readonly runningMean: Matrix;
  /** Running (unbiased) variance for evaluation mode, 1 × size, starts at 1. */
  readonly runningVariance: Matrix;

  readonly #optimiser: ParameterOptimiser;
  #last: ForwardResult | null = null;

  constructor(backend: TensorBackend, options: BatchNormOptions) {
    const module = (this.module = new BatchNormModule(backend, options));
    this.inputSize = this.outputSize = module.size;
    this.momentum = module.momentum;
    this.epsilon = module.epsilon;
    this.gamma = module.gamma.value;
    this.beta = module.beta.value;
    this.runningMean = module.runningMean;
    this.runningVariance = module.runningVariance;
    this.#optimiser = new ParameterOptimiser(options.optimiser, module.parameters());
  }

  /** The last forward's output (0 rows before the first forward). */
  get output(): Matrix {
    return this.module.output;
  }

  forward(input: Matrix, training: boolean): Matrix {
    const result = this.module.forward(input, training ? StepContext.training : StepContext.evaluation);
    this.#last = result;
    return result.y;
  }

  /**
   * In training mode dx = γ/σ ⊙ (g − Σg/n − x̂ ⊙ Σ(g ⊙ x̂)/n), the batch mean and variance being
   * functions of x; after an evaluation-mode forward the statistics are constants and dx = γ/σ ⊙ g.
   */
  backward(gradOutput: Matrix): Matrix {
    return this.#backward('BatchNorm.backward', gradOutput, undefined)!;
  }

  /** As {@link BatchNorm.backward} for the parameter gradients, without computing dL/d(input). */
  backwardParameters(gradOutput: Matrix): void {
    this.#backward('BatchNorm.backwardParameters', gradOutput, noInput);
  }

  update(learningRate: number): void {
    this.#optimiser.step(learningRate);
  }

  /** `gamma` then `beta`. */
  parameters(): readonly TrainableParameter[] {
    return this.module.parameters();
  }

  /** `gamma`, `beta`, their optimiser state, `runningMean` and `runningVariance`. */
  state(): Readonly<Record<string, Matrix>> {
    const [gamma, beta] = this.#optimiser.updaters;
    return collectState([
      ['', this.module.state()],
      ['gamma', gamma.state()],
      ['beta', beta.state()],
    ]);
  }

  #backward(op: string, gradOutput: Matrix, need: PullbackNeed | undefined): Matrix | null {
    const last = this.#last;
    if (last === null) throw new Error(`${op}: called before forward`);
    if (!gradOutput.sameShape(last.y)) {
      throw new ShapeError(`${op}: gradient ${gradOutput.shape} but the last output is ${last.y.shape}`);
    }
    const parameters = this.module.parameters();
    for (let i = 0; i < parameters.length; i++) parameters[i].zeroGrad();
    return last.pullback(gradOutput, need);
  }
}

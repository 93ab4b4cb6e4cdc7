import type { Matrix } from '@synthgrad/tensor';
import { collectState } from './collectState.js';
import type { Optimiser, ParameterUpdater } from './Optimiser.js';
import type { Parameter } from './Parameter.js';

/**
 * An optimiser attached to a list of parameters: `step(lr)` moves each one by the rule from the
 * gradient its pullbacks accumulated. It leaves the gradients as they are: zero them (`zeroGrad`)
 * before the next accumulation.
 *
 * @example
 * ```ts
 * const optimiser = new ParameterOptimiser(new SgdOptimiser(backend), net.parameters());
 * zeroGrad(net.parameters());
 * net.forward(x, StepContext.training).pullback(dy);
 * optimiser.step(0.1);   // p −= 0.1 · grad, for every parameter
 * ```
 */
export class ParameterOptimiser {
  readonly parameters: readonly Parameter[];
  /** One per parameter, in the same order: each holds that parameter's optimiser state. */
  readonly updaters: readonly ParameterUpdater[];

  constructor(optimiser: Optimiser, parameters: readonly Parameter[]) {
    this.parameters = parameters;
    this.updaters = parameters.map((p) => optimiser.attach(p.value));
  }

  /** Steps every parameter, in order, from its gradient. */
  step(learningRate: number): void {
    const { parameters, updaters } = this;
    for (let i = 0; i < parameters.length; i++) updaters[i].step(parameters[i].grad, learningRate);
  }

  /** The optimiser state, named `<parameter>.<name>` (`weights.m`, `bias.velocity`, …). */
  state(): Readonly<Record<string, Matrix>> {
    return collectState(this.parameters.map((p, i) => [p.name, this.updaters[i].state()] as const));
  }
}

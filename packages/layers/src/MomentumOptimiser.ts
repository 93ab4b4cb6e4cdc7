import { zerosFor, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { assertInRange } from './assertInRange.js';
import { assertSameShape } from './assertSameShape.js';
import type { Optimiser, ParameterUpdater } from './Optimiser.js';

export interface MomentumOptions {
  /** μ, the fraction of the velocity kept each step (default 0.9). */
  readonly momentum: number;
}

/**
 * Classical momentum: v = μ·v + g; p −= lr · v (the learning rate is applied after accumulating,
 * so changing it mid-run rescales the whole velocity, as in PyTorch's SGD with momentum).
 *
 * @example
 * ```ts
 * const updater = new MomentumOptimiser(backend, { momentum: 0.9 }).attach(weights);
 * updater.step(weightsGrad, 0.01);
 * ```
 */
export class MomentumOptimiser implements Optimiser {
  static readonly defaults: MomentumOptions = { momentum: 0.9 };
  readonly name = 'momentum';
  readonly momentum: number;

  constructor(
    private readonly backend: TensorBackend,
    options: MomentumOptions = MomentumOptimiser.defaults,
  ) {
    assertInRange('momentum.options.momentum', options.momentum, 0, 1);
    this.momentum = options.momentum;
  }

  attach(parameter: Matrix): ParameterUpdater {
    const { backend, momentum } = this;
    const velocity = zerosFor(this.backend, parameter.rows, parameter.cols);
    return {
      step(grad, learningRate) {
        assertSameShape('momentum.step', 'gradient', grad, 'parameter', parameter);
        backend.addScaled(grad, velocity, momentum, velocity);
        backend.addScaled(parameter, velocity, -learningRate, parameter);
      },
      state: () => ({ velocity }),
    };
  }
}

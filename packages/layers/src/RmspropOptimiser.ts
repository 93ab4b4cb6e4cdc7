import { ConfigError } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { assertInRange } from './assertInRange.js';
import { assertSameShape } from './assertSameShape.js';
import type { Optimiser, ParameterUpdater } from './Optimiser.js';

export interface RmspropOptions {
  /** Decay of the mean square of the gradient (default 0.9). */
  readonly rho: number;
  /** Added to √v so that the step stays finite (default 1e-8). */
  readonly epsilon: number;
}

/**
 * RMSprop (Tieleman & Hinton 2012): v = ρv + (1−ρ)g², p −= lr · g / (√v + ε).
 *
 * @example
 * ```ts
 * const updater = new RmspropOptimiser({ rho: 0.9, epsilon: 1e-8 }).attach(weights);
 * updater.step(weightsGrad, 0.001);
 * ```
 */
export class RmspropOptimiser implements Optimiser {
  static readonly defaults: RmspropOptions = { rho: 0.9, epsilon: 1e-8 };
  readonly name = 'rmsprop';
  readonly rho: number;
  readonly epsilon: number;

  constructor(options: RmspropOptions = RmspropOptimiser.defaults) {
    assertInRange('rmsprop.options.rho', options.rho, 0, 1);
    if (!(options.epsilon > 0)) {
      throw new ConfigError('rmsprop.options.epsilon', `must be positive, got ${options.epsilon}`);
    }
    this.rho = options.rho;
    this.epsilon = options.epsilon;
  }

  attach(parameter: Matrix): ParameterUpdater {
    const { rho, epsilon } = this;
    const meanSquare = Matrix.zeros(parameter.rows, parameter.cols, parameter.dtype);
    const v = meanSquare.data;
    return {
      step(grad, learningRate) {
        assertSameShape('rmsprop.step', 'gradient', grad, 'parameter', parameter);
        const p = parameter.data;
        const g = grad.data;
        for (let i = 0; i < p.length; i++) {
          const gi = g[i];
          v[i] = rho * v[i] + (1 - rho) * gi * gi;
          p[i] -= (learningRate * gi) / (Math.sqrt(v[i]) + epsilon);
        }
      },
      state: () => ({ v: meanSquare }),
    };
  }
}

import { ConfigError } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { assertInRange } from './assertInRange.js';
import { assertSameShape } from './assertSameShape.js';
import type { Optimiser, ParameterUpdater } from './Optimiser.js';

export interface AdamOptions {
  /** Decay of the first-moment estimate (default 0.9). */
  readonly beta1: number;
  /** Decay of the second-moment estimate (default 0.999). */
  readonly beta2: number;
  /** Added to √v̂ so that the step stays finite (default 1e-8). */
  readonly epsilon: number;
}

/**
 * Adam (Kingma & Ba 2015) with bias correction: m = β₁m + (1−β₁)g, v = β₂v + (1−β₂)g²,
 * p −= lr · m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
 *
 * @example
 * ```ts
 * const updater = new AdamOptimiser({ ...AdamOptimiser.defaults, beta2: 0.99 }).attach(weights);
 * updater.step(weightsGrad, 0.001);
 * ```
 */
export class AdamOptimiser implements Optimiser {
  static readonly defaults: AdamOptions = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
  readonly name = 'adam';
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;

  constructor(options: AdamOptions = AdamOptimiser.defaults) {
    assertInRange('adam.options.beta1', options.beta1, 0, 1);
    assertInRange('adam.options.beta2', options.beta2, 0, 1);
    if (!(options.epsilon > 0)) {
      throw new ConfigError('adam.options.epsilon', `must be positive, got ${options.epsilon}`);
    }
    this.beta1 = options.beta1;
    this.beta2 = options.beta2;
    this.epsilon = options.epsilon;
  }

  attach(parameter: Matrix): ParameterUpdater {
    const { beta1, beta2, epsilon } = this;
    const moment1 = Matrix.zeros(parameter.rows, parameter.cols, parameter.dtype);
    const moment2 = Matrix.zeros(parameter.rows, parameter.cols, parameter.dtype);
    const steps = new Matrix(1, 1);
    const m = moment1.data;
    const v = moment2.data;
    return {
      state: () => ({ m: moment1, v: moment2, t: steps }),
      step(grad, learningRate) {
        assertSameShape('adam.step', 'gradient', grad, 'parameter', parameter);
        const t = ++steps.data[0];
        const c1 = 1 - beta1 ** t;
        const c2 = 1 - beta2 ** t;
        const p = parameter.data;
        const g = grad.data;
        // The backend has no element-wise sqrt or divide; one fused pass over the typed arrays
        // also reads each array once instead of the five passes the backend ops would take.
        for (let i = 0; i < p.length; i++) {
          const gi = g[i];
          m[i] = beta1 * m[i] + (1 - beta1) * gi;
          v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
          p[i] -= (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
        }
      },
    };
  }
}

import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import { assertSameShape } from './assertSameShape.js';
import type { Optimiser, ParameterUpdater } from './Optimiser.js';

/**
 * Plain gradient descent: p −= lr · g.
 *
 * @example
 * ```ts
 * new SgdOptimiser(backend).attach(weights).step(weightsGrad, 0.1);
 * ```
 */
export class SgdOptimiser implements Optimiser {
  readonly name = 'sgd';

  constructor(private readonly backend: TensorBackend) {}

  attach(parameter: Matrix): ParameterUpdater {
    const { backend } = this;
    return {
      step(grad, learningRate) {
        assertSameShape('sgd.step', 'gradient', grad, 'parameter', parameter);
        backend.addScaled(parameter, grad, -learningRate, parameter);
      },
      state: () => ({}),
    };
  }
}

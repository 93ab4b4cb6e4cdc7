import type { ActivationPlugin } from './Activation.js';
import { FusedActivation } from './FusedActivation.js';
import { IdentityActivation } from './IdentityActivation.js';
import { SoftmaxActivation } from './SoftmaxActivation.js';

/**
 * The activation plugins `layersModule` binds: `sigmoid`, `tanh`, `relu`, `identity`, `softmax`.
 *
 * @example
 * ```ts
 * const registry = new PluginRegistry('activation', builtinActivations); // without a container
 * ```
 */
export const builtinActivations: readonly ActivationPlugin[] = [
  {
    name: 'sigmoid',
    description: '1 / (1 + e^-z), fused by the backend',
    create: (backend) => new FusedActivation(backend, 'sigmoid'),
  },
  {
    name: 'tanh',
    description: 'hyperbolic tangent, fused by the backend',
    create: (backend) => new FusedActivation(backend, 'tanh'),
  },
  {
    name: 'relu',
    description: 'max(0, z), fused by the backend',
    create: (backend) => new FusedActivation(backend, 'relu'),
  },
  {
    name: 'identity',
    description: 'z unchanged (a linear layer)',
    create: () => new IdentityActivation(),
  },
  {
    name: 'softmax',
    description: 'row-wise softmax, numerically stable',
    create: () => new SoftmaxActivation(),
  },
];

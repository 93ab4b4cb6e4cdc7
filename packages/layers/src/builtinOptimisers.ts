import { AdamOptimiser } from './AdamOptimiser.js';
import { MomentumOptimiser } from './MomentumOptimiser.js';
import { numericOptions } from './numericOptions.js';
import type { OptimiserPlugin } from './Optimiser.js';
import { RmspropOptimiser } from './RmspropOptimiser.js';
import { SgdOptimiser } from './SgdOptimiser.js';

/**
 * The optimiser plugins `layersModule` binds: `sgd`, `momentum` (`{ momentum: 0.9 }`) and
 * `adam` (`{ beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }`) and `rmsprop` (`{ rho: 0.9, epsilon: 1e-8 }`). Unknown option keys are refused.
 *
 * @example
 * ```ts
 * const registry = new PluginRegistry('optimiser', builtinOptimisers); // without a container
 * const adam = registry.get('adam').create(backend, { beta2: 0.99 });
 * ```
 */
export const builtinOptimisers: readonly OptimiserPlugin[] = [
  {
    name: 'sgd',
    description: 'gradient descent: p −= lr·g',
    create: (backend, options) => {
      numericOptions('sgd', options, {});
      return new SgdOptimiser(backend);
    },
  },
  {
    name: 'momentum',
    description: 'classical momentum: v = μv + g; p −= lr·v (options: momentum 0.9)',
    create: (backend, options) =>
      new MomentumOptimiser(backend, numericOptions('momentum', options, MomentumOptimiser.defaults)),
  },
  {
    name: 'adam',
    description: 'Adam with bias correction (options: beta1 0.9, beta2 0.999, epsilon 1e-8)',
    create: (_backend, options) => new AdamOptimiser(numericOptions('adam', options, AdamOptimiser.defaults)),
  },
  {
    name: 'rmsprop',
    description: 'RMSprop: v = ρv + (1−ρ)g²; p −= lr·g/(√v + ε) (options: rho 0.9, epsilon 1e-8)',
    create: (_backend, options) => new RmspropOptimiser(numericOptions('rmsprop', options, RmspropOptimiser.defaults)),
  },
];

import type { Initialiser, InitialiserPlugin } from './Initialiser.js';
import { numericOptions } from './numericOptions.js';
import { zerosInitialiser } from './zerosInitialiser.js';

/** An initialiser plugin without options, refusing any it is given. */
function plugin(name: string, description: string, initialise: Initialiser['initialise']): InitialiserPlugin {
  return {
    name,
    description,
    create: (options) => {
      numericOptions(name, options, {});
      return { name, initialise };
    },
  };
}

/**
 * The initialiser plugins `layersModule` binds: `tutorial` (randn·0.2 − 0.1, the seed tutorial's),
 * `zeros`, `glorot-uniform` (U(±√(6/(fanIn+fanOut)))) and `he-normal` (N(0, 2/fanIn), untruncated).
 *
 * @example
 * ```ts
 * const registry = new PluginRegistry('initialiser', builtinInitialisers); // without a container
 * registry.get('he-normal').create().initialise(weights, new Rng(1));
 * ```
 */
export const builtinInitialisers: readonly InitialiserPlugin[] = [
  plugin('tutorial', "the tutorial's randn·0.2 − 0.1, i.e. N(−0.1, 0.2²)", (weights, rng) =>
    rng.fillNormal(weights, -0.1, 0.2),
  ),
  plugin('zeros', "all zeros (the paper's choice for a generator's last layer)", zerosInitialiser.initialise),
  plugin('glorot-uniform', 'uniform in ±√(6 / (fanIn + fanOut))', (weights, rng) => {
    const limit = Math.sqrt(6 / (weights.rows + weights.cols));
    rng.fillUniform(weights, -limit, limit);
  }),
  plugin('he-normal', 'normal with mean 0 and standard deviation √(2 / fanIn)', (weights, rng) =>
    rng.fillNormal(weights, 0, Math.sqrt(2 / weights.rows)),
  ),
];

import { ConfigError } from '@synthgrad/core';
import type { SyntheticGradientGeneratorOptions } from '@synthgrad/layers';
import type { DniOptions } from './DniOptions.js';

/** The `dni` options of how a generator steps (`generatorStep`, `generatorNlmsEpsilon`), checked. */
export function readGeneratorStep(options: DniOptions): Pick<SyntheticGradientGeneratorOptions, 'step' | 'nlmsEpsilon'> {
  const step = options.generatorStep ?? 'gradient';
  if (step !== 'gradient' && step !== 'nlms') {
    throw new ConfigError('dni.generatorStep', `expected "gradient" or "nlms", got ${JSON.stringify(step)}`);
  }
  const epsilon = options.generatorNlmsEpsilon;
  if (epsilon === undefined) return { step };
  if (step !== 'nlms') {
    throw new ConfigError('dni.generatorNlmsEpsilon', `only used with generatorStep "nlms" (generatorStep is "${step}"); remove one of them`);
  }
  if (typeof epsilon !== 'number' || !(epsilon >= 0 && Number.isFinite(epsilon))) {
    throw new ConfigError('dni.generatorNlmsEpsilon', `expected a finite number ≥ 0, got ${JSON.stringify(epsilon)}`);
  }
  return { step, nlmsEpsilon: epsilon };
}

import type { GeneratorInput } from '@synthgrad/core';
import type { Layer, SyntheticGradientGenerator } from '@synthgrad/layers';

/**
 * A layer with its synthetic gradient module: the generator `M_i` and what it looks at.
 * `synthesis` is null only for a last layer trained on the true loss gradient.
 */
export interface DecoupledLayer {
  readonly layer: Layer;
  readonly synthesis: { readonly input: GeneratorInput; readonly generator: SyntheticGradientGenerator } | null;
}

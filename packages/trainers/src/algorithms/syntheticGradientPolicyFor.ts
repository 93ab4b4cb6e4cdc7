import type { TensorBackend } from '@synthgrad/tensor';
import { MixedSyntheticGradient } from './MixedSyntheticGradient.js';
import { ShapedSyntheticGradient } from './ShapedSyntheticGradient.js';
import { PLAIN_POLICY, type SyntheticGradientPolicy } from './SyntheticGradientPolicy.js';
import { usesPredictionAsIs, type SyntheticGradientUse } from './SyntheticGradientUse.js';

/**
 * The policy of a `dni` trainer's `syntheticGradientScale`, `Clip` and `Weight`: mixed when λ < 1,
 * shaped when s ≠ 1 or c is finite, plain otherwise.
 *
 * @example
 * ```ts
 * syntheticGradientPolicyFor(backend, PLAIN_SYNTHETIC_GRADIENT).name; // "plain"
 * ```
 */
export function syntheticGradientPolicyFor(backend: TensorBackend, use: SyntheticGradientUse): SyntheticGradientPolicy {
  if (use.weight < 1) return new MixedSyntheticGradient(backend, use);
  return usesPredictionAsIs(use) ? PLAIN_POLICY : new ShapedSyntheticGradient(backend, use);
}

import type { GradientAlignment } from '@synthgrad/core';
import type { Matrix, TensorBackend } from '@synthgrad/tensor';

/**
 * Cosine similarity and relative error of a synthetic gradient against the true one, both
 * flattened over the batch. A zero true gradient gives relative error ‖ĝ‖ (and cosine 0).
 */
export function gradientAlignment(
  backend: TensorBackend,
  layer: number,
  synthetic: Matrix,
  trueGradient: Matrix,
): GradientAlignment {
  const dot = backend.dot(synthetic, trueGradient);
  const synthNormSq = backend.dot(synthetic, synthetic);
  const trueNormSq = backend.dot(trueGradient, trueGradient);
  const diffNormSq = Math.max(0, synthNormSq - 2 * dot + trueNormSq);
  const denom = Math.sqrt(synthNormSq * trueNormSq);
  return {
    layer,
    cosine: denom > 0 ? dot / denom : 0,
    relativeError: trueNormSq > 0 ? Math.sqrt(diffNormSq / trueNormSq) : Math.sqrt(synthNormSq),
  };
}

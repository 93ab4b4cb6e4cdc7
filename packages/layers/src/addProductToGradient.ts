import type { Matrix, MatmulOptions, TensorBackend } from '@synthgrad/tensor';
import type { TrainableParameter } from './TrainableParameter.js';

/** The four accumulating variants of a product's options, made once, so a step allocates none. */
const ACCUMULATING: readonly MatmulOptions[] = [false, true].flatMap((transposeA) =>
  [false, true].map((transposeB) => Object.freeze({ transposeA, transposeB, accumulate: true })),
);

/**
 * grad += op(a)·op(b): written straight into a gradient marked zero (0 + x = x, so one call per step
 * costs what a plain product costs), else added by the product itself (`accumulate`), without a
 * scratch. Every product a pullback accumulates into a parameter goes through here.
 *
 * @example
 * ```ts
 * addProductToGradient(backend, input, dz, { transposeA: true }, weights);   // dW += xᵀ·dz
 * ```
 */
export function addProductToGradient(
  backend: TensorBackend,
  a: Matrix,
  b: Matrix,
  options: { readonly transposeA?: boolean; readonly transposeB?: boolean } | undefined,
  parameter: TrainableParameter,
): void {
  if (parameter.gradIsZero) {
    backend.matmul(a, b, options, parameter.claimGradient());
    return;
  }
  const accumulating = ACCUMULATING[(options?.transposeA ? 2 : 0) + (options?.transposeB ? 1 : 0)];
  backend.matmul(a, b, accumulating, parameter.claimGradient());
}

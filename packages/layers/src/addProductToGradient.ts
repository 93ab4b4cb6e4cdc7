import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import type { TrainableParameter } from './TrainableParameter.js';

/**
 * grad += op(a)·op(b): written straight into a gradient marked zero, else through the parameter's
 * scratch and an `add`. Every product a pullback accumulates into a parameter goes through here,
 * so that when products can accumulate into their output (`C += A·B`) this one body becomes a single
 * product without the scratch: read `parameter.gradIsZero` first, then
 * `backend.matmul(a, b, { ...options, accumulate: !zero }, parameter.claimGradient())`.
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
  const target = parameter.gradientTarget();
  backend.matmul(a, b, options, target);
  parameter.commitGradient(target);
}

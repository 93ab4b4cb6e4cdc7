import type { Matrix } from '@synthgrad/tensor';

/**
 * A trainable matrix and the gradient of the last backward pass, both updated in place.
 *
 * @example
 * ```ts
 * for (const { name, value, grad } of layer.parameters()) console.log(name, value.shape, grad.shape);
 * ```
 */
export interface Parameter {
  readonly name: string;
  readonly value: Matrix;
  readonly grad: Matrix;
}

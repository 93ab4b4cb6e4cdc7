import type { Layer } from '@synthgrad/layers';
import type { Matrix } from '@synthgrad/tensor';

/**
 * Stores `layer`'s parameter gradients from dL/d(output) without computing dL/d(input), where the
 * layer can skip it ({@link Layer.backwardParameters}); else through its full `backward`. For the
 * first layer of a network, whose input gradient nobody reads.
 *
 * @example
 * ```ts
 * backwardParametersOf(network.layers[0], g); // dW and db of layer 0, no g · Wᵀ
 * ```
 */
export function backwardParametersOf(layer: Layer, gradOutput: Matrix): void {
  if (layer.backwardParameters !== undefined) layer.backwardParameters(gradOutput);
  else layer.backward(gradOutput);
}

import type { TrainableParameter } from './TrainableParameter.js';

/**
 * Marks every parameter's gradient zero (no pass over the storage: the next pullback writes).
 *
 * @example
 * ```ts
 * zeroGrad(network.parameters());
 * network.forward(x, StepContext.training).pullback(dy);
 * ```
 */
export function zeroGrad(parameters: readonly TrainableParameter[]): void {
  for (const p of parameters) p.zeroGrad();
}

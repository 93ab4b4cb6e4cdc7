import { boundBy, type NamedPlugin, type PluginRegistry } from '@synthgrad/core';
import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import { layersProvider } from './layersProvider.js';

/**
 * A loss of a network's output against targets (both batch × width).
 *
 * @example
 * ```ts
 * const mse = container.get(LossRegistry).get('mse').create(backend);
 * mse.value(output, target);      // mean over all elements of (output − target)²
 * mse.gradient(output, target);   // 2 (output − target) / (rows · cols)
 * ```
 */
export interface Loss {
  readonly name: string;
  /** Mean over the batch of the per-example loss. */
  value(output: Matrix, target: Matrix): number;
  /** dL/d(output) of the loss this plugin defines (see each for its batch reduction). */
  gradient(output: Matrix, target: Matrix, out?: Matrix): Matrix;
}

/** A named loss: `tutorial-delta`, `mse`, `softmax-cross-entropy`, or one a module adds. */
export interface LossPlugin extends NamedPlugin {
  create(backend: TensorBackend): Loss;
}
export const LossPlugin: ServiceIdentifier<LossPlugin> = Symbol.for('synthgrad.LossPlugin');

export type LossRegistry = PluginRegistry<LossPlugin>;
export const LossRegistry: ServiceIdentifier<LossRegistry> = boundBy(Symbol.for('synthgrad.LossRegistry'), layersProvider);

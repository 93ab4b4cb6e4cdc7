import { boundBy, type NamedPlugin, type PluginRegistry } from '@synthgrad/core';
import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import { layersProvider } from './layersProvider.js';

/**
 * An element-wise (or row-wise) non-linearity with its backward pass.
 *
 * @example
 * ```ts
 * const sigmoid = container.get(ActivationRegistry).get('sigmoid').create(backend);
 * const y = sigmoid.forward(z);
 * const dz = sigmoid.backward(dy, z, y);
 * ```
 */
export interface Activation {
  readonly name: string;
  /** y = f(z) */
  forward(z: Matrix, out?: Matrix): Matrix;
  /** dL/dz from dL/dy; z = pre-activation, y = forward(z). */
  backward(gradOutput: Matrix, z: Matrix, y: Matrix, out?: Matrix): Matrix;
}

/** A named activation: `sigmoid`, `tanh`, `relu`, `identity`, `softmax`, or one a module adds. */
export interface ActivationPlugin extends NamedPlugin {
  create(backend: TensorBackend): Activation;
}
export const ActivationPlugin: ServiceIdentifier<ActivationPlugin> = Symbol.for('synthgrad.ActivationPlugin');

export type ActivationRegistry = PluginRegistry<ActivationPlugin>;
export const ActivationRegistry: ServiceIdentifier<ActivationRegistry> = boundBy(Symbol.for('synthgrad.ActivationRegistry'), layersProvider);

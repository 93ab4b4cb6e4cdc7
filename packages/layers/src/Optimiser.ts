import { boundBy, type NamedPlugin, type PluginRegistry } from '@synthgrad/core';
import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import { layersProvider } from './layersProvider.js';

/** Updates one attached parameter in place; holds that parameter's optimiser state (velocity, moments). */
export interface ParameterUpdater {
  step(grad: Matrix, learningRate: number): void;
  /**
   * The updater's state as named live matrices (velocity, moments, step count), written in place
   * when a saved model is loaded; `{}` when it has none.
   */
  state(): Readonly<Record<string, Matrix>>;
}

/**
 * A rule for descending a gradient. `attach` is called once per parameter; the returned updater
 * owns that parameter's state, so one optimiser serves every parameter of a layer or a network.
 *
 * @example
 * ```ts
 * const adam = container.get(OptimiserRegistry).get('adam').create(backend, { beta1: 0.8 });
 * const updater = adam.attach(weights);
 * updater.step(weightsGrad, 0.001);   // weights -= 0.001 · m̂ / (√v̂ + ε)
 * ```
 */
export interface Optimiser {
  readonly name: string;
  attach(parameter: Matrix): ParameterUpdater;
}

/** A named optimiser: `sgd`, `momentum`, `adam`, or one a module adds. */
export interface OptimiserPlugin extends NamedPlugin {
  create(backend: TensorBackend, options?: Record<string, unknown>): Optimiser;
}
export const OptimiserPlugin: ServiceIdentifier<OptimiserPlugin> = Symbol.for('synthgrad.OptimiserPlugin');

export type OptimiserRegistry = PluginRegistry<OptimiserPlugin>;
export const OptimiserRegistry: ServiceIdentifier<OptimiserRegistry> = boundBy(Symbol.for('synthgrad.OptimiserRegistry'), layersProvider);

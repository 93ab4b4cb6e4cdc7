import { boundBy, type NamedPlugin, type PluginRegistry } from '@synthgrad/core';
import type { Matrix, Rng } from '@synthgrad/tensor';
import type { ServiceIdentifier } from 'inversify';
import { layersProvider } from './layersProvider.js';

/**
 * Fills a weight matrix in place; fan-in is its row count, fan-out its column count.
 *
 * @example
 * ```ts
 * const glorot = container.get(InitialiserRegistry).get('glorot-uniform').create();
 * glorot.initialise(weights, new Rng(42));
 * ```
 */
export interface Initialiser {
  readonly name: string;
  initialise(weights: Matrix, rng: Rng): void;
}

/** A named initialiser: `tutorial`, `zeros`, `glorot-uniform`, `he-normal`, or one a module adds. */
export interface InitialiserPlugin extends NamedPlugin {
  create(options?: Record<string, unknown>): Initialiser;
}
export const InitialiserPlugin: ServiceIdentifier<InitialiserPlugin> = Symbol.for('synthgrad.InitialiserPlugin');

export type InitialiserRegistry = PluginRegistry<InitialiserPlugin>;
export const InitialiserRegistry: ServiceIdentifier<InitialiserRegistry> = boundBy(Symbol.for('synthgrad.InitialiserRegistry'), layersProvider);

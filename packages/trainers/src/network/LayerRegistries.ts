import type { ActivationRegistry, InitialiserRegistry, LayerRegistry, LossRegistry, OptimiserRegistry } from '@synthgrad/layers';
import { boundBy } from '@synthgrad/core';
import type { ServiceIdentifier } from 'inversify';

/** The layer-level plugins a network is built from, resolved once from the container. */
export interface LayerRegistries {
  /** The layer kinds (`dense`, `dropout`, and any a module adds). */
  readonly layerKinds: LayerRegistry;
  readonly activations: ActivationRegistry;
  readonly losses: LossRegistry;
  readonly initialisers: InitialiserRegistry;
  readonly optimisers: OptimiserRegistry;
}
export const LayerRegistries: ServiceIdentifier<LayerRegistries> = boundBy(Symbol.for('synthgrad.LayerRegistries'), {
  module: 'trainersModule',
  package: '@synthgrad/trainers',
});

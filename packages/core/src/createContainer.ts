import 'reflect-metadata';
import { Container, type ContainerModule } from 'inversify';
import { coreModule } from './coreModule.js';
import { TensorBackend, TensorBackendRegistry } from './TensorBackendPlugin.js';

export interface CreateContainerOptions {
  /** Packages' and users' modules, loaded in order after the core module. */
  readonly modules?: readonly ContainerModule[];
  /** Name of the tensor backend every component uses (default `"cpu"`). */
  readonly backend?: string;
}

/**
 * A container with the core registries, the given modules, and `TensorBackend` bound to the named
 * backend. An unknown backend name fails here, listing the known ones.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [myInputsModule], backend: 'mathjs' });
 * container.get(GeneratorInputRegistry).get('my-input');
 * ```
 */
export function createContainer(options: CreateContainerOptions = {}): Container {
  const container = new Container();
  container.load(coreModule, ...(options.modules ?? []));
  const backend = container.get(TensorBackendRegistry).get(options.backend ?? 'cpu').create();
  container.bind(TensorBackend).toConstantValue(backend);
  return container;
}

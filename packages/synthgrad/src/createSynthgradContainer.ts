import { createContainer, type CreateContainerOptions } from '@synthgrad/core';
import type { Container } from 'inversify';
import { builtInModules } from './builtInModules.js';
import { defaultBackendName } from './defaultBackendName.js';

/**
 * A container with every built-in (layers, generator inputs, datasets, trainers, the `wasm`
 * backend) and then your modules; `TensorBackend` is the named backend, by default the fastest
 * that loads here ({@link defaultBackendName}: `wasm`, else `cpu`).
 *
 * @example
 * ```ts
 * const container = createSynthgradContainer({ modules: [myGeneratorInputModule] });
 * container.get(GeneratorInputRegistry).names(); // built-ins and yours
 * container.get(TensorBackend).name;              // 'wasm' (or 'cpu' without WebAssembly SIMD)
 * ```
 */
export function createSynthgradContainer(options: CreateContainerOptions = {}): Container {
  return createContainer({
    ...options,
    modules: [...builtInModules, ...(options.modules ?? [])],
    backend: options.backend ?? defaultBackendName(),
  });
}

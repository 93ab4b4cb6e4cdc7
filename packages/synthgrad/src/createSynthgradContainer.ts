import { createContainer, type CreateContainerOptions } from '@synthgrad/core';
import type { Container } from 'inversify';
import { builtInModules } from './builtInModules.js';

/**
 * A container with every built-in (layers, generator inputs, datasets, trainers) and then your
 * modules; `TensorBackend` is the named backend (default `"cpu"`).
 *
 * @example
 * ```ts
 * const container = createSynthgradContainer({ modules: [myGeneratorInputModule] });
 * container.get(GeneratorInputRegistry).names(); // built-ins and yours
 * ```
 */
export function createSynthgradContainer(options: CreateContainerOptions = {}): Container {
  return createContainer({ ...options, modules: [...builtInModules, ...(options.modules ?? [])] });
}

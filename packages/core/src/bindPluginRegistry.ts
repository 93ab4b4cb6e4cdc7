import type { ServiceIdentifier } from 'inversify';
import type { ContainerModuleLoadOptions } from 'inversify';
import type { NamedPlugin } from './NamedPlugin.js';
import { PluginRegistry } from './PluginRegistry.js';

/**
 * Binds `registry` to a {@link PluginRegistry} of every plugin bound under `plugin`
 * (multi-injection), so modules loaded from anywhere contribute to one registry.
 * The registry is transient: a module loaded later is seen by the next look-up.
 */
export function bindPluginRegistry<T extends NamedPlugin>(
  options: Pick<ContainerModuleLoadOptions, 'bind'>,
  registry: ServiceIdentifier<PluginRegistry<T>>,
  plugin: ServiceIdentifier<T>,
  kind: string,
): void {
  options
    .bind(registry)
    .toResolvedValue(
      (plugins: T[] | undefined) => new PluginRegistry(kind, plugins ?? []),
      [{ serviceIdentifier: plugin, isMultiple: true, optional: true }],
    );
}

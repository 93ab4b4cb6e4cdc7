import type { ServiceIdentifier } from 'inversify';
import type { ContainerModuleLoadOptions } from 'inversify';
import type { TokenProvider } from './boundBy.js';
import type { NamedPlugin } from './NamedPlugin.js';
import { PluginRegistry } from './PluginRegistry.js';

/**
 * Binds `registry` to a {@link PluginRegistry} of every plugin bound under `plugin`
 * (multi-injection), so modules loaded from anywhere contribute to one registry.
 * The registry is transient: a module loaded later is seen by the next look-up. `builtIns` names the
 * module that registers the built-in plugins of this kind, for the error of a look-up in an empty
 * registry (see {@link PluginRegistry}).
 */
export function bindPluginRegistry<T extends NamedPlugin>(
  options: Pick<ContainerModuleLoadOptions, 'bind'>,
  registry: ServiceIdentifier<PluginRegistry<T>>,
  plugin: ServiceIdentifier<T>,
  kind: string,
  builtIns?: TokenProvider,
): void {
  options
    .bind(registry)
    .toResolvedValue(
      (plugins: T[] | undefined) => new PluginRegistry(kind, plugins ?? [], builtIns && { ...builtIns, token: tokenName(plugin) }),
      [{ serviceIdentifier: plugin, isMultiple: true, optional: true }],
    );
}

function tokenName(token: ServiceIdentifier): string | undefined {
  return typeof token === 'symbol' ? token.description?.replace(/^synthgrad\./, '') : undefined;
}

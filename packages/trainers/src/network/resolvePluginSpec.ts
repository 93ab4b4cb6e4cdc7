import type { NamedPlugin, PluginRegistry, PluginSpec } from '@synthgrad/core';

/** The plugin a spec names, and the options it carries. */
export function resolvePluginSpec<T extends NamedPlugin>(
  registry: PluginRegistry<T>,
  spec: PluginSpec,
): { plugin: T; options: Record<string, unknown> | undefined } {
  return typeof spec === 'string'
    ? { plugin: registry.get(spec), options: undefined }
    : { plugin: registry.get(spec.name), options: spec.options };
}

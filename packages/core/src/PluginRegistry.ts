import { DuplicatePluginError, UnknownPluginError } from './errors.js';
import type { NamedPlugin } from './NamedPlugin.js';

/**
 * The plugins of one kind, looked up by name.
 *
 * @example
 * ```ts
 * const registry = new PluginRegistry('generator input', plugins);
 * registry.get('labels');   // the plugin, or an UnknownPluginError listing the known names
 * ```
 */
export class PluginRegistry<T extends NamedPlugin> {
  readonly #byName = new Map<string, T>();

  constructor(
    /** What the plugins are, for messages: `"generator input"`. */
    readonly kind: string,
    plugins: Iterable<T>,
  ) {
    for (const plugin of plugins) {
      if (this.#byName.has(plugin.name)) throw new DuplicatePluginError(kind, plugin.name);
      this.#byName.set(plugin.name, plugin);
    }
  }

  get(name: string): T {
    const plugin = this.#byName.get(name);
    if (plugin === undefined) throw new UnknownPluginError(this.kind, name, this.names());
    return plugin;
  }

  has(name: string): boolean {
    return this.#byName.has(name);
  }

  /** Registered names, sorted. */
  names(): string[] {
    return [...this.#byName.keys()].sort();
  }

  /** Registered plugins, sorted by name. */
  list(): T[] {
    return this.names().map((name) => this.#byName.get(name)!);
  }
}

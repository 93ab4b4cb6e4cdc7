import type { TokenProvider } from './boundBy.js';
import { DuplicatePluginError, MissingModuleError, UnknownPluginError } from './errors.js';
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
    /**
     * The module that registers the built-in plugins of this kind. A look-up in an empty registry
     * then fails with a {@link MissingModuleError} naming it: the container was most likely built
     * without that module.
     */
    readonly builtIns?: TokenProvider & {
      /** The plugin token's name for the message (default: from `kind`, `GeneratorInputPlugin`). */
      readonly token?: string;
    },
  ) {
    for (const plugin of plugins) {
      if (this.#byName.has(plugin.name)) throw new DuplicatePluginError(kind, plugin.name);
      this.#byName.set(plugin.name, plugin);
    }
  }

  get(name: string): T {
    const plugin = this.#byName.get(name);
    if (plugin === undefined) {
      if (this.builtIns !== undefined && this.#byName.size === 0) {
        throw new MissingModuleError(this.builtIns.token ?? pluginTokenName(this.kind), this.builtIns.module, this.builtIns.package);
      }
      throw new UnknownPluginError(this.kind, name, this.names());
    }
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

/** `"generator input"` → `GeneratorInputPlugin`: the token's name, as messages about bindings say it. */
function pluginTokenName(kind: string): string {
  return `${kind.replace(/(^|\s)(\w)/g, (_, _space: string, letter: string) => letter.toUpperCase())}Plugin`;
}

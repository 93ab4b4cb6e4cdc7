import { Container, type ContainerModule } from 'inversify';
import { GeneratorInputPlugin, GeneratorInputRegistry, type GeneratorInput, type GeneratorInputContext } from 'synthgrad';

/** Plugin objects already guarded (a module's constant is shared by every container of a thread). */
const guarded = new WeakSet<object>();

/**
 * Makes the generator inputs that plugin `modules` add to `container` check what they return: each
 * `features` call must give a matrix of the batch's rows × the input's declared `size`, else the run
 * fails with a message naming the input and its plugin file, instead of a shape error deep in the
 * generator (or, for some shapes, a run that completes on garbage). Built-in inputs are left as they are.
 *
 * @example
 * ```ts
 * guardPluginInputs(container, [myModule], ['/home/me/my-input.js']);
 * ```
 */
export function guardPluginInputs(container: Container, modules: readonly ContainerModule[], paths: readonly string[]): void {
  if (modules.length === 0) return;
  const registry = container.get(GeneratorInputRegistry);
  modules.forEach((module, i) => {
    for (const name of pluginInputNames(module)) {
      if (!registry.has(name)) continue;
      const plugin = registry.get(name) as { create: GeneratorInputPlugin['create'] };
      if (guarded.has(plugin)) continue;
      const create = plugin.create.bind(plugin);
      const source = paths[i] ?? 'a plugin';
      try {
        plugin.create = (shape, options, environment) => checked(create(shape, options, environment), name, source);
        guarded.add(plugin);
      } catch {
        // A frozen plugin object keeps its own create: its mistakes surface as before.
      }
    }
  });
}

/** The generator input names a plugin module binds (its module loaded alone, nothing resolved but its own plugins). */
function pluginInputNames(module: ContainerModule): string[] {
  try {
    const alone = new Container();
    alone.load(module);
    if (!alone.isBound(GeneratorInputPlugin)) return [];
    return alone.getAll(GeneratorInputPlugin).map((plugin) => plugin.name);
  } catch {
    return [];
  }
}

/** A plugin's generator input returned something other than a matrix of its batch × declared size; the message names the input and its plugin file. */
export class LyingGeneratorInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LyingGeneratorInputError';
  }
}

function checked(input: GeneratorInput, name: string, source: string): GeneratorInput {
  const where = `generator input "${name}" (plugin ${source})`;
  if (typeof input !== 'object' || input === null || typeof input.features !== 'function' || !Number.isSafeInteger(input.size)) {
    throw new LyingGeneratorInputError(`${where}: create() returned no generator input (expected { size, features(context) })`);
  }
  const features = input.features.bind(input);
  return Object.assign(Object.create(input) as GeneratorInput, {
    features(context: GeneratorInputContext) {
      const result = features(context) as unknown;
      const { rows, cols } = (result ?? {}) as { rows?: unknown; cols?: unknown };
      const batch = context.layerOutput.rows;
      if (typeof rows !== 'number' || typeof cols !== 'number') {
        throw new LyingGeneratorInputError(`${where}: features() returned ${describe(result)}, not a matrix; expected ${batch}×${input.size}`);
      }
      if (rows !== batch || cols !== input.size) {
        throw new LyingGeneratorInputError(`${where}: features() returned a ${rows}×${cols} matrix; expected ${batch}×${input.size} (the batch × its declared size)`);
      }
      return result as ReturnType<GeneratorInput['features']>;
    },
  });
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

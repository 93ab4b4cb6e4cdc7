import 'reflect-metadata';
import type { DType } from '@synthgrad/tensor';
import { Container, type ContainerModule } from 'inversify';
import { providerOf, tokensWithProvider } from './boundBy.js';
import { coreModule } from './coreModule.js';
import { ConfigError, MissingModuleError } from './errors.js';
import { TensorBackend, TensorBackendRegistry } from './TensorBackendPlugin.js';

export interface CreateContainerOptions {
  /** Packages' and users' modules, loaded in order after the core module. */
  readonly modules?: readonly ContainerModule[];
  /** Name of the tensor backend every component uses (default `"cpu"`). */
  readonly backend?: string;
  /**
   * The dtype of the matrices the backend makes (default `'float64'`): `'float32'` halves the
   * network's memory and, on `wasm`, runs every op in float32. The backend must list it in its
   * plugin's `dtypes`, and its `dtype` must be the one asked for.
   */
  readonly dtype?: DType;
}

/**
 * A container with the core registries, the given modules, and `TensorBackend` bound to the named
 * backend. An unknown backend name fails here, listing the known ones. A look-up that needs a module
 * the container was not given (say `layersModule`) fails with a {@link MissingModuleError} naming it.
 *
 * @example
 * ```ts
 * const container = createContainer({ modules: [myInputsModule], backend: 'mathjs' });
 * container.get(GeneratorInputRegistry).get('my-input');
 * ```
 */
export function createContainer(options: CreateContainerOptions = {}): Container {
  const container = new Container();
  explainMissingModules(container);
  container.load(coreModule, ...(options.modules ?? []));
  const registry = container.get(TensorBackendRegistry);
  const plugin = registry.get(options.backend ?? 'cpu');
  const dtype = options.dtype ?? 'float64';
  const dtypesOf = (p: { readonly dtypes?: readonly DType[] }) => p.dtypes ?? ['float64'];
  if (!dtypesOf(plugin).includes(dtype)) {
    const offering = registry.list().filter((p) => dtypesOf(p).includes(dtype)).map((p) => `'${p.name}'`);
    throw new ConfigError(
      'dtype',
      `backend '${plugin.name}' has no ${String(dtype)} matrices; it offers ${dtypesOf(plugin).join(', ')}` +
        (offering.length > 0 ? ` (${String(dtype)} runs on ${andList(offering)})` : ''),
    );
  }
  const backend = options.dtype === undefined ? plugin.create() : plugin.create({ dtype });
  if ((backend.dtype ?? 'float64') !== dtype) {
    throw new ConfigError('dtype', `backend '${plugin.name}' was asked for ${dtype} matrices and made ${backend.dtype ?? 'float64'} ones`);
  }
  container.bind(TensorBackend).toConstantValue(backend);
  return container;
}

/** `'a'`, `'a' and 'b'`, `'a', 'b' and 'c'`. */
function andList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Wraps `container.get` so that inversify's "No bindings found" for a token some package's module
 * binds (recorded with `boundBy`) — the one asked for, or one it depends on — names that module.
 */
function explainMissingModules(container: Container): void {
  const get = container.get.bind(container);
  container.get = ((serviceIdentifier: Parameters<typeof get>[0], options?: Parameters<typeof get>[1]) => {
    try {
      return get(serviceIdentifier, options as never);
    } catch (error) {
      const missing = [serviceIdentifier, ...tokensWithProvider()].find(
        (token): token is symbol =>
          typeof token === 'symbol' && providerOf(token) !== undefined && !container.isBound(token) &&
          (token === serviceIdentifier || String((error as Error)?.message).includes(String(token))),
      );
      if (missing === undefined) throw error;
      const provider = providerOf(missing)!;
      throw new MissingModuleError((missing.description ?? String(missing)).replace(/^synthgrad\./, ''), provider.module, provider.package);
    }
  }) as typeof container.get;
}

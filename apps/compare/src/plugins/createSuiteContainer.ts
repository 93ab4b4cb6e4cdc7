import { arraysModule } from '@synthgrad/datasets-files';
import { datasetsMnistModule } from '@synthgrad/datasets-mnist';
import type { Container, ContainerModule } from 'inversify';
import { ConfigError, createSynthgradContainer, defaultBackendName, SynthgradError, UnknownPluginError } from 'synthgrad';
import { SuiteError } from '../suite/SuiteError.js';
import { guardPluginInputs } from './guardPluginInputs.js';
import { loadPlugins } from './loadPlugins.js';

/**
 * What the app adds to the umbrella's built-ins (which hold the `wasm` backend, the default): the
 * `mnist` dataset (`@synthgrad/datasets-mnist`, a package of its own so the library does not carry
 * the data) and `arrays` (your own `.csv` / `.npy` files; Node only). Listed by `synthgrad list` as built in.
 */
export const appModules: readonly ContainerModule[] = [datasetsMnistModule, arraysModule];

/**
 * A container with every built-in (the umbrella's and {@link appModules}), the plugins' modules
 * (absolute paths) and the named backend — the same one the main process validates with and every
 * worker trains with. Generator inputs added by plugins check what they return ({@link guardPluginInputs}).
 */
export async function createSuiteContainer(
  plugins: readonly string[] = [],
  backend?: string,
  dtype?: 'float64' | 'float32',
): Promise<Container> {
  const modules = await loadPlugins(plugins);
  try {
    const container = createSynthgradContainer({ modules: [...appModules, ...modules], ...(backend ? { backend } : {}), ...(dtype ? { dtype } : {}) });
    guardPluginInputs(container, modules, plugins);
    return container;
  } catch (error) {
    if (error instanceof SynthgradError) throw new SuiteError(errorSubject(error, backend, dtype), [error.message]);
    throw error;
  }
}

/** What a container error is about: the dtype, the backend (named even when it is the default) or the plugins. */
function errorSubject(error: SynthgradError, backend: string | undefined, dtype: string | undefined): string {
  const name = backend ?? defaultBackendName();
  if (error instanceof ConfigError && error.path === 'dtype') return `dtype ${dtype ?? 'float64'} on backend "${name}"`;
  if (error instanceof UnknownPluginError && error.kind === 'tensor backend') return `backend "${name}"`;
  return 'plugins';
}

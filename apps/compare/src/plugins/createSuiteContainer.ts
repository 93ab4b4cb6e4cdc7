import type { Container } from 'inversify';
import { createSynthgradContainer, SynthgradError } from 'synthgrad';
import { SuiteError } from '../suite/SuiteError.js';
import { loadPlugins } from './loadPlugins.js';

/**
 * A container with every built-in, the plugins' modules (absolute paths) and the named backend —
 * the same one the main process validates with and every worker trains with.
 */
export async function createSuiteContainer(plugins: readonly string[] = [], backend?: string): Promise<Container> {
  const modules = await loadPlugins(plugins);
  try {
    return createSynthgradContainer({ modules, ...(backend ? { backend } : {}) });
  } catch (error) {
    if (error instanceof SynthgradError) throw new SuiteError(backend ? `backend "${backend}"` : 'plugins', [error.message]);
    throw error;
  }
}

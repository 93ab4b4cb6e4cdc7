import type { CliIo } from '../cli/CliIo.js';

/** Plugins are modules: importing one runs its code. Says which, before it happens. */
export function announcePlugins(plugins: readonly string[], io: CliIo): void {
  if (plugins.length) io.err(`Importing ${plugins.length} plugin module(s); a plugin runs its own code: ${plugins.join(', ')}`);
}

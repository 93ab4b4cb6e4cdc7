import { pathToFileURL } from 'node:url';
import type { ContainerModule } from 'inversify';

/**
 * Imports plugin modules by absolute path (or URL) and returns the inversify `ContainerModule`
 * each exports, as its default export or as an export named `module` — what the `synthgrad`
 * command's plugins export. A module without one fails naming it.
 */
export async function importPluginModules(specifiers: readonly string[]): Promise<ContainerModule[]> {
  const modules: ContainerModule[] = [];
  for (const specifier of specifiers) {
    const url = /^[a-z][a-z0-9+.-]*:/i.test(specifier) && !/^[a-z]:[\\/]/i.test(specifier) ? specifier : pathToFileURL(specifier).href;
    const exports = (await import(url)) as Record<string, unknown>;
    const module = [exports.default, exports.module].find(isContainerModule);
    if (module === undefined) throw new Error(`plugin "${specifier}" exports no inversify ContainerModule (default export or "module")`);
    modules.push(module);
  }
  return modules;
}

// Duck-typed: a plugin may import its own copy of inversify.
function isContainerModule(value: unknown): value is ContainerModule {
  return typeof value === 'object' && value !== null && typeof (value as ContainerModule).load === 'function' && 'id' in value;
}

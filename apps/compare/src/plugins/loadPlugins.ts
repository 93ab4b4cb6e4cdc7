import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ContainerModule } from 'inversify';
import { SuiteError } from '../suite/SuiteError.js';

/**
 * Imports plugin modules (absolute paths) and returns the `ContainerModule` each exports, as its
 * default export or as an export named `module`. A missing file or a module without one fails
 * naming the path.
 *
 * @example
 * ```ts
 * const modules = await loadPlugins(['/home/me/my-input.js']);
 * createSynthgradContainer({ modules });
 * ```
 */
export async function loadPlugins(paths: readonly string[]): Promise<ContainerModule[]> {
  const problems: string[] = [];
  const modules: ContainerModule[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      problems.push(`plugin "${path}" does not exist`);
      continue;
    }
    let exports: Record<string, unknown>;
    try {
      exports = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    } catch (error) {
      problems.push(`plugin "${path}" failed to load: ${(error as Error).message}`);
      continue;
    }
    const module = [exports.default, exports.module].find(isContainerModule);
    if (module) modules.push(module);
    else {
      problems.push(
        `plugin "${path}" exports no inversify ContainerModule (expected a default export or an export named "module"; ` +
          `found exports: ${Object.keys(exports).join(', ') || 'none'})`,
      );
    }
  }
  if (problems.length) throw new SuiteError('plugins', problems);
  return modules;
}

// Duck-typed: a plugin may import its own copy of inversify, so `instanceof` would be too strict.
function isContainerModule(value: unknown): value is ContainerModule {
  return typeof value === 'object' && value !== null && typeof (value as ContainerModule).load === 'function' && 'id' in value;
}

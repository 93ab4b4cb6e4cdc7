import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ContainerModule } from 'inversify';
import { SuiteError } from '../suite/SuiteError.js';
import { typeScriptPluginHint } from './typeScriptPluginHint.js';

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
      const hint = typeScriptPluginHint(error, path);
      problems.push(`plugin "${path}" failed to load: ${hint ?? (await realCause(error, path))}`);
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

/**
 * The message of a plugin's failure to load. Run from the repository's sources, the TypeScript loader
 * loads a plugin in a folder without a package.json as CommonJS, and a failing import there surfaces
 * as Node's "Cannot require() ES Module … in a cycle", which hides the cause (say, "Cannot find
 * module 'inversify'"). Importing the plugin once more in an isolated loader tells the cause.
 */
async function realCause(error: unknown, path: string): Promise<string> {
  const message = (error as Error)?.message ?? String(error);
  if ((error as { code?: unknown })?.code !== 'ERR_REQUIRE_CYCLE_MODULE') return message;
  type TsImport = (specifier: string, parent: string) => Promise<unknown>;
  let tsImport: TsImport;
  try {
    ({ tsImport } = (await import('tsx/esm/api')) as { tsImport: TsImport });
  } catch {
    return message; // installed: no TypeScript loader, and Node's own message is the cause
  }
  try {
    await tsImport(pathToFileURL(path).href, import.meta.url);
  } catch (cause) {
    const text = (cause as Error)?.message ?? String(cause);
    // Node lists where the failing require came from; the namespaced path is noise.
    return text.split('\nRequire stack:')[0]!;
  }
  return message;
}

// Duck-typed: a plugin may import its own copy of inversify, so `instanceof` would be too strict.
function isContainerModule(value: unknown): value is ContainerModule {
  return typeof value === 'object' && value !== null && typeof (value as ContainerModule).load === 'function' && 'id' in value;
}

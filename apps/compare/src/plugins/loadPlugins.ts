import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ContainerModule } from 'inversify';
import { SuiteError } from '../suite/SuiteError.js';
import { typeScriptPluginHint } from './typeScriptPluginHint.js';

/**
 * Imports plugin modules (absolute paths) and returns the `ContainerModule` each exports, as its
 * default export or as an export named `module`. A missing file or a module without one fails
 * naming the path; so does a module whose import does not settle within {@link pluginImportTimeoutMs}
 * (a top-level `await` that never ends), and a syntax error names the file and line.
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
      exports = await importWithin(path, pluginImportTimeoutMs());
    } catch (error) {
      const hint = typeScriptPluginHint(error, path);
      problems.push(`plugin "${path}" failed to load: ${hint ?? `${await realCause(error, path)}${syntaxErrorLocation(error, path)}`}`);
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

/** How long a plugin's import may take (default 60 s; `SYNTHGRAD_PLUGIN_TIMEOUT_MS` sets it). */
export function pluginImportTimeoutMs(): number {
  const set = Number(process.env.SYNTHGRAD_PLUGIN_TIMEOUT_MS);
  return Number.isFinite(set) && set > 0 ? set : 60_000;
}

/** The module's exports, or an error when its import has not settled after `ms` (the timer also keeps Node from exiting 13 on it). */
async function importWithin(path: string, ms: number): Promise<Record<string, unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`its import did not finish within ${ms / 1000} s (a top-level await that never settles?)`)), ms);
  });
  try {
    return (await Promise.race([import(pathToFileURL(path).href), timeout])) as Record<string, unknown>;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where a syntax error is (`, at /home/me/plugin.js:3`, with the line and a caret): Node's import
 * error does not say, `node --check` does, parsing the file without running any of it.
 */
function syntaxErrorLocation(error: unknown, path: string): string {
  if ((error as Error)?.name !== 'SyntaxError') return '';
  const check = spawnSync(process.execPath, ['--check', path], { encoding: 'utf8', timeout: 10_000 });
  const lines = (check.stderr ?? '').split('\n');
  const at = lines.findIndex((line) => line.startsWith(`${path}:`));
  if (at < 0) return '';
  const code = lines.slice(at + 1, at + 3).filter((line) => line.trim() !== '');
  return `, at ${lines[at]}${code.length ? `\n${code.map((line) => `      ${line.slice(0, 200)}`).join('\n')}` : ''}`;
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

import { builtinModules } from 'node:module';
import type { Plugin } from 'vite';

const BUILTINS = new Set(builtinModules);

/**
 * Third-party modules allowed one built-in, each for a reason read in its source. Workspace
 * packages get no exception.
 */
const KNOWN_GUARDED: Record<string, { builtin: string; why: string }> = {
  'node_modules/seedrandom/seedrandom.js': {
    builtin: 'crypto',
    why: "mathjs's seedrandom tries require('crypto') inside try/catch for autoseeding only in Node",
  },
};

/** Whether an import specifier names a Node.js built-in (`node:fs`, `fs`, `fs/promises`). */
export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0]);
}

/**
 * Fails the build when any module of the bundle (the page's or the worker's) imports a Node.js
 * built-in, naming the importer. `seen` collects every module it checked, so a caller can
 * confirm the packages were looked at.
 */
export function nodeBuiltinGuard(seen: Set<string> = new Set()): Plugin {
  return {
    name: 'synthgrad:node-builtin-guard',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer) seen.add(importer);
      const guarded = Object.entries(KNOWN_GUARDED).find(([path]) => importer?.endsWith(path))?.[1];
      if (guarded?.builtin === source) return null; // Vite's browser stub, as without the guard
      if (isNodeBuiltin(source)) {
        this.error(`${importer ?? 'an entry'} imports the Node.js built-in "${source}": the playground's packages must be browser-safe`);
      }
      return null;
    },
  };
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The sources named by the `.map` files under `dir` (JavaScript and declaration maps) that do not
 * exist, as `map → source` lines relative to `dir`; `[]` when every map points at real files.
 *
 * @example
 * ```ts
 * missingSourceMapSources('node_modules/@synthgrad/core'); // []
 * ```
 */
export function missingSourceMapSources(dir: string): string[] {
  return mapFiles(dir).flatMap((map) => {
    const { sources = [], sourceRoot = '' } = JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[]; sourceRoot?: string };
    return sources
      .map((source) => resolve(dirname(map), sourceRoot, source))
      .filter((source) => !existsSync(source))
      .map((source) => `${relative(dir, map)} → ${relative(dir, source)}`);
  });
}

function mapFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return mapFiles(path);
    return entry.name.endsWith('.map') ? [path] : [];
  });
}

/**
 * Every file a package.json points at: each leaf of its `exports` map (every condition, so a
 * condition naming a file that is not published is caught), `main`, `types` and each `bin`.
 *
 * @example
 * ```ts
 * exportTargets({ exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } });
 * // ['./dist/index.d.ts', './dist/index.js']
 * ```
 */
export function exportTargets(manifest: { exports?: unknown; main?: string; types?: string; bin?: string | Record<string, string> }): string[] {
  const targets: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') targets.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  for (const field of [manifest.main, manifest.types]) if (field) targets.push(field);
  if (typeof manifest.bin === 'string') targets.push(manifest.bin);
  else if (manifest.bin) targets.push(...Object.values(manifest.bin));
  return targets.filter((t) => !t.includes('*'));
}

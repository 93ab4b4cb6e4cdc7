/**
 * What to do about a plugin written in TypeScript that Node would not import (`Unknown file
 * extension ".ts"`: Node before 22.18 strips no types; installed, synthgrad runs no TypeScript
 * loader); `undefined` for any other failure.
 *
 * @example
 * ```ts
 * typeScriptPluginHint({ code: 'ERR_UNKNOWN_FILE_EXTENSION' }, '/p/my-input.ts');
 * // 'a TypeScript file, which this Node cannot import: compile it to JavaScript …'
 * ```
 */
export function typeScriptPluginHint(error: unknown, path: string): string | undefined {
  if ((error as { code?: unknown })?.code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/\.[cm]?ts$/.test(path)) return undefined;
  const js = path.replace(/\.([cm]?)ts$/, '.$1js');
  return (
    `a TypeScript file, which this Node (${process.version}) cannot import: compile it to JavaScript ` +
    `(npx tsc --module nodenext --target es2022 ${path} writes it beside the .ts) and name "${js}" instead, ` +
    'or use Node 22.18 or later, which imports type-annotated .ts files as they are'
  );
}

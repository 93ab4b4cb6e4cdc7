/** How deeply suite data may nest: far beyond any real suite, far below what overflows the stack. */
export const MAX_SUITE_DEPTH = 64;

/**
 * The path of the first value nested deeper than `limit` lists and objects (undefined when none is),
 * found without recursion, so it is safe on any parsed JSON.
 */
export function tooDeepPath(data: unknown, limit = MAX_SUITE_DEPTH): PropertyKey[] | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= limit) return path;
    const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}

import type { z } from 'zod';

/**
 * A copy of a suite's JSON without the parts its schema issues point at: an unknown key, or a value
 * of the wrong type or range under an object key (optional fields then take their defaults). What is
 * left can be validated again, and its names and options checked, in the same round as the schema
 * problems. Undefined when an issue points at the whole suite or at an array element (removing one
 * would renumber the paths that messages name).
 *
 * @example
 * ```ts
 * repairSuiteData({ runs: [{ label: 'a', trainer: 'dni', colour: 'red' }] }, issues); // { runs: [{ label: 'a', trainer: 'dni' }] }
 * ```
 */
export function repairSuiteData(data: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  const copy = structuredClone(data);
  const paths = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path],
  );
  for (const path of paths) {
    const key = path[path.length - 1];
    if (key === undefined || typeof key === 'number') return undefined;
    let parent: unknown = copy;
    for (const step of path.slice(0, -1)) {
      if (typeof parent !== 'object' || parent === null) break;
      parent = (parent as Record<PropertyKey, unknown>)[step];
    }
    if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return undefined;
    delete (parent as Record<PropertyKey, unknown>)[key];
  }
  return copy;
}

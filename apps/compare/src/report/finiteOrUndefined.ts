/**
 * The number, or `undefined` when it is missing or not finite. Metrics read back from
 * `results.jsonl` can be `null`: `JSON.stringify` writes `NaN` and `±Infinity` as `null`.
 *
 * @example
 * ```ts
 * finiteOrUndefined(0.5); // 0.5
 * finiteOrUndefined(null); // undefined
 * ```
 */
export function finiteOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

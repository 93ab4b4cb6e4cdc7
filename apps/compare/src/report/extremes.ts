/**
 * The smallest and largest of many numbers, as `Math.min(...values)` and `Math.max(...values)` give them
 * (Infinity and −Infinity for none, NaN if any is NaN, −0 below 0), without spreading: a spread passes
 * every value as an argument, and a report of thousands of runs × epochs overflows the call stack.
 *
 * @example
 * ```ts
 * extremes([3, 1, 2]); // { min: 1, max: 3 }
 * extremes([]); // { min: Infinity, max: -Infinity }
 * ```
 */
export function extremes(values: Iterable<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (Number.isNaN(value)) return { min: Number.NaN, max: Number.NaN };
    if (value < min || (value === 0 && min === 0 && Object.is(value, -0))) min = value;
    if (value > max || (value === 0 && max === 0 && Object.is(max, -0))) max = value;
  }
  return { min, max };
}

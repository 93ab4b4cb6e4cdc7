/**
 * The integer whose binary digits, most significant first, are `row`: a digit counts as 1 when it is
 * above `threshold` (so network outputs in (0, 1) decode directly): the predicted sum of a row.
 *
 * @example
 * ```ts
 * decodeBits([0, 1, 1, 0]);        // 6
 * decodeBits([0.1, 0.9, 0.7, 0.4]); // 6
 * ```
 */
export function decodeBits(row: ArrayLike<number>, threshold = 0.5): number {
  let value = 0;
  for (let i = 0; i < row.length; i++) value = value * 2 + (row[i] > threshold ? 1 : 0);
  return value;
}

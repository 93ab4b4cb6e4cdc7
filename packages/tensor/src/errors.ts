/**
 * Thrown when operands' shapes do not fit an op; the message names the op and both shapes.
 *
 * @example
 * ```ts
 * try {
 *   backend.matmul(new Matrix(10, 24), new Matrix(12, 128));
 * } catch (e) {
 *   e instanceof ShapeError; // true: "matmul: (10×24)·(12×128): inner sizes 24 ≠ 12"
 * }
 * ```
 */
export class ShapeError extends RangeError {
  override readonly name = 'ShapeError';
}

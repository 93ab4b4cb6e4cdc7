/** Thrown when operands' shapes do not fit an op; the message names the op and both shapes. */
export class ShapeError extends RangeError {
  override readonly name = 'ShapeError';
}

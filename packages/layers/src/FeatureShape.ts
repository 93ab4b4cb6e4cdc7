/**
 * What one row of a batch holds, outermost first: `[features]` for a vector, `[height, width,
 * channels]` for a feature map stored row-major (NHWC). A batch is always the rows of a matrix whose
 * columns are the product of the shape.
 *
 * @example
 * ```ts
 * const shape: FeatureShape = dense.outputShape;   // [128]
 * const width = featureSize(shape);                // 128
 * ```
 */
export type FeatureShape = readonly number[];

/** The number of columns a row of this shape takes: the product of its sizes. */
export function featureSize(shape: FeatureShape): number {
  let size = 1;
  for (const s of shape) size *= s;
  return size;
}

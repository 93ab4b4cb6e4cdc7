import { ConfigError } from '@synthgrad/core';

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

/**
 * The columns a row of feature shape `shape` takes in row-major batch × features storage: the
 * product of its sizes. A shape with a size that is not a positive integer is a `ConfigError` at `path`.
 *
 * @example
 * ```ts
 * featureSize([128]);      // 128
 * featureSize([28, 28, 1]); // 784
 * ```
 */
export function featureSize(shape: FeatureShape, path = 'shape'): number {
  if (shape.length === 0 || !shape.every((size) => Number.isInteger(size) && size > 0)) {
    throw new ConfigError(path, `expected a feature shape of positive integers, got [${shape.join(', ')}]`);
  }
  return shape.reduce((product, size) => product * size, 1);
}

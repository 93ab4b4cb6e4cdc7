import type { GeneratorInputContext, LayerShape } from '@synthgrad/core';
import { ShapeError, type Matrix } from '@synthgrad/tensor';

/** The context fields that hold a matrix. */
export type ContextMatrixField = Exclude<keyof GeneratorInputContext, 'training'>;

/** The layer-shape entries that are widths. */
export type LayerWidth = Exclude<keyof LayerShape, 'index' | 'count' | 'inputShape' | 'outputShape'>;

/**
 * Checks that `context[field]` is batch × `shape[width]` and returns it; the error names the plugin, the
 * field and both shapes: `generator input "labels": context.labels is 10×11, expected 10×12 (labelSize = 12)`.
 */
export function assertContextWidth(
  plugin: string,
  context: GeneratorInputContext,
  field: ContextMatrixField,
  shape: LayerShape,
  width: LayerWidth,
): Matrix {
  const matrix = context[field] as Matrix | undefined;
  const cols = shape[width];
  if (matrix === undefined || matrix === null) {
    throw new ShapeError(`generator input "${plugin}": context.${field} is missing, expected batch×${cols} (${width} = ${cols})`);
  }
  if (matrix.cols !== cols) {
    throw new ShapeError(
      `generator input "${plugin}": context.${field} is ${matrix.shape}, expected ${matrix.rows}×${cols} (${width} = ${cols})`,
    );
  }
  return matrix;
}

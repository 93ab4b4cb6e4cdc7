import { ConfigError } from '@synthgrad/core';
import { bufferOfShape, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import type { DniOptions } from './DniOptions.js';

/**
 * How a layer uses its generator's prediction ĝ: it applies λ·clip(s·ĝ) + (1 − λ)·g, where g is the
 * true gradient. The generators themselves always learn toward the unscaled, unclipped targets.
 */
export interface SyntheticGradientUse {
  /** s (default 1). */
  readonly scale: number;
  /** Largest |element| after scaling (default Infinity: no clipping). */
  readonly clip: number;
  /** λ (default 1, DNI). Below 1 the true gradient is back-propagated every step. */
  readonly weight: number;
}

/** Plain DNI: ĝ as predicted. */
export const PLAIN_SYNTHETIC_GRADIENT: SyntheticGradientUse = { scale: 1, clip: Infinity, weight: 1 };

/** The `dni` options that change how a layer uses ĝ, checked. */
export function readSyntheticGradientUse(options: DniOptions): SyntheticGradientUse {
  const { syntheticGradientScale: scale = 1, syntheticGradientClip: clip = Infinity, syntheticGradientWeight: weight = 1 } = options;
  if (typeof scale !== 'number' || !Number.isFinite(scale)) {
    throw new ConfigError('dni.syntheticGradientScale', `expected a finite number, got ${JSON.stringify(scale)}`);
  }
  if (typeof clip !== 'number' || !(clip > 0)) {
    throw new ConfigError('dni.syntheticGradientClip', `expected a positive number, got ${JSON.stringify(clip)}`);
  }
  if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1)) {
    throw new ConfigError('dni.syntheticGradientWeight', `expected a number in [0, 1], got ${JSON.stringify(weight)}`);
  }
  return { scale, clip, weight };
}

/** True when the prediction is used as it is. */
export function usesPredictionAsIs(use: SyntheticGradientUse): boolean {
  return use.scale === 1 && use.clip === Infinity;
}

/** clip(s·ĝ) into `out` (resized as needed), or ĝ itself when nothing changes it. */
export function shapeSyntheticGradient(
  backend: TensorBackend,
  prediction: Matrix,
  use: SyntheticGradientUse,
  out: Matrix | undefined,
): Matrix {
  if (usesPredictionAsIs(use)) return prediction;
  const shaped = bufferOfShape(out, prediction.rows, prediction.cols, backend);
  backend.scale(prediction, use.scale, shaped);
  if (use.clip !== Infinity) backend.clip(shaped, -use.clip, use.clip, shaped);
  return shaped;
}

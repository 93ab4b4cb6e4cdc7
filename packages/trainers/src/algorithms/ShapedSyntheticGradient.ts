import type { Matrix, TensorBackend } from '@synthgrad/tensor';
import type { SyntheticGradientPolicy } from './SyntheticGradientPolicy.js';
import { shapeSyntheticGradient, type SyntheticGradientUse } from './SyntheticGradientUse.js';

/**
 * Layers apply clip(s·ĝ) (`syntheticGradientScale` s, `syntheticGradientClip` c); generators still
 * learn toward what the unshaped ĝ sends down. Backprop-free: works in stages too.
 *
 * @example
 * ```ts
 * const shaped = new ShapedSyntheticGradient(backend, { scale: 3, clip: 0.02, weight: 1 });
 * shaped.applied(1, prediction, null); // clip(3·ĝ, −0.02, 0.02), a buffer kept for layer 1
 * ```
 */
export class ShapedSyntheticGradient implements SyntheticGradientPolicy {
  readonly name = 'shaped';
  readonly backpropagates = false;
  readonly generatorTarget = 'sent-down';
  readonly #shaped: (Matrix | undefined)[] = [];

  constructor(
    private readonly backend: TensorBackend,
    readonly use: SyntheticGradientUse,
  ) {}

  applied(i: number, prediction: Matrix | null, trueGradient: Matrix | null): Matrix | null {
    if (prediction === null) return trueGradient;
    return (this.#shaped[i] = shapeSyntheticGradient(this.backend, prediction, this.use, this.#shaped[i]));
  }
}

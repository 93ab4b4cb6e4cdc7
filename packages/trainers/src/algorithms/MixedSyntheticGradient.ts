import { bufferOfShape, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import type { SyntheticGradientPolicy } from './SyntheticGradientPolicy.js';
import { shapeSyntheticGradient, type SyntheticGradientUse } from './SyntheticGradientUse.js';

/**
 * `syntheticGradientWeight` λ < 1, for study: layers apply λ·clip(s·ĝ) + (1 − λ)·g, g the true
 * gradient, so the step back-propagates g every step ({@link BackpropagatedDniStep}). Generators learn
 * as in `dni`. λ = 0 is back-propagation step for step.
 *
 * @example
 * ```ts
 * const mixed = new MixedSyntheticGradient(backend, { scale: 1, clip: Infinity, weight: 0.25 });
 * mixed.applied(0, prediction, trueGradient); // 0.25·ĝ + 0.75·g
 * ```
 */
export class MixedSyntheticGradient implements SyntheticGradientPolicy {
  readonly name = 'mixed';
  readonly backpropagates = true;
  readonly generatorTarget = 'sent-down';
  readonly #shaped: (Matrix | undefined)[] = [];
  readonly #applied: (Matrix | undefined)[] = [];

  constructor(
    private readonly backend: TensorBackend,
    readonly use: SyntheticGradientUse,
  ) {}

  applied(i: number, prediction: Matrix | null, trueGradient: Matrix | null): Matrix | null {
    if (trueGradient === null) throw new Error('MixedSyntheticGradient: the true gradient is needed (a back-propagated step)');
    if (prediction === null) return trueGradient;
    const { backend, use } = this;
    const shaped = shapeSyntheticGradient(backend, prediction, use, this.#shaped[i]);
    if (shaped !== prediction) this.#shaped[i] = shaped;
    const applied = (this.#applied[i] = bufferOfShape(this.#applied[i], shaped.rows, shaped.cols, backend));
    backend.scale(shaped, use.weight, applied);
    backend.addScaled(applied, trueGradient, 1 - use.weight, applied);
    return applied;
  }
}

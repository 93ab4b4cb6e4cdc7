import type { Matrix } from '@synthgrad/tensor';

/**
 * How each layer of a DNI step chooses the gradient it applies, over one {@link DniForwardPass}: plain
 * DNI (ĝ as predicted), shaped (clip(s·ĝ): {@link ShapedSyntheticGradient}), mixed with the true
 * gradient (λ: {@link MixedSyntheticGradient}) or the back-propagated warm-up ({@link GeneratorWarmup}).
 * A policy that reads the true gradient makes the step back-propagate it through every layer
 * ({@link BackpropagatedDniStep}); the others let each layer learn right after its forward pass
 * ({@link DniStage}, sequential or staged).
 *
 * @example
 * ```ts
 * const policy = syntheticGradientPolicyFor(backend, { scale: 2, clip: 0.1, weight: 1 }); // shaped
 * const applied = policy.applied(0, prediction, null); // clip(2·ĝ) into the policy's buffer for layer 0
 * ```
 */
export interface SyntheticGradientPolicy {
  readonly name: 'plain' | 'shaped' | 'mixed' | 'warm-up';
  /** True when {@link applied} reads the true gradient: the step back-propagates it (not backprop-free). */
  readonly backpropagates: boolean;
  /**
   * What generator i learns toward: `"sent-down"` (what layer i + 1 sends down from its own unshaped
   * ĝ_{i+1}; a synthetic last layer's generator, the loss gradient) or `"true-gradient"` (g_i).
   */
  readonly generatorTarget: 'sent-down' | 'true-gradient';
  /**
   * The gradient layer i applies: `prediction` or `trueGradient` themselves when used as they are, a
   * buffer the policy keeps for layer i otherwise, or null when the layer keeps its weights.
   * @param prediction ĝ_i, null for a layer trained on the true gradient.
   * @param trueGradient g_i = dLoss/dh_i when the step has it (always when {@link backpropagates};
   *   otherwise only at the layer that holds the loss), else null.
   */
  applied(i: number, prediction: Matrix | null, trueGradient: Matrix | null): Matrix | null;
}

/** Plain DNI: every layer applies ĝ as predicted (the true gradient where it has no generator). */
export const PLAIN_POLICY: SyntheticGradientPolicy = {
  name: 'plain',
  backpropagates: false,
  generatorTarget: 'sent-down',
  applied: (_i, prediction, trueGradient) => prediction ?? trueGradient,
};

import type { Batch, StepMetrics } from '@synthgrad/core';
import { bufferOfShape, type Matrix, type Rng, type TensorBackend } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { DecoupledLayer } from './DecoupledLayer.js';
import { DniForwardPass } from './DniForwardPass.js';
import type { SyntheticGradientPolicy } from './SyntheticGradientPolicy.js';

/**
 * A `dni` step under a policy that reads the true gradient (λ-mixing, warm-up): it **uses
 * back-propagation**. The whole {@link DniForwardPass} runs first, with the weights every layer has;
 * then, from the top down, the true gradient g_i is back-propagated, layer i applies the policy's
 * choice and learns (when its update is drawn), and the generators learn toward the policy's targets:
 * g_i itself, or what layer i + 1 sends down from its own unshaped ĝ_{i+1}.
 *
 * @example
 * ```ts
 * const sweep = new BackpropagatedDniStep(backend, network, decoupled);
 * sweep.step(batch, new MixedSyntheticGradient(backend, use), { layers: 0.1, generators: 0.01 }, 1, rng);
 * ```
 */
export class BackpropagatedDniStep {
  readonly #pass: DniForwardPass;
  readonly #updates: boolean[] = [];
  #lossGradient: Matrix | undefined;
  readonly #trueGradients: (Matrix | undefined)[] = [];
  readonly #targets: (Matrix | undefined)[] = [];

  constructor(
    private readonly backend: TensorBackend,
    private readonly network: Network,
    private readonly decoupled: readonly DecoupledLayer[],
  ) {
    this.#pass = new DniForwardPass(decoupled);
  }

  /**
   * One step; each layer's update is drawn from `rng` in layer order, as `dni` draws them (none drawn
   * when `updateProbability` is 1).
   */
  step(
    batch: Batch,
    policy: SyntheticGradientPolicy,
    rates: { readonly layers: number; readonly generators: number },
    updateProbability: number,
    rng: Rng,
  ): StepMetrics {
    const { backend, decoupled } = this;
    const { inputs, labels } = batch;
    const last = decoupled.length - 1;
    const pass = this.#pass;
    const h = pass.run(inputs, inputs, labels, true);
    const updates = this.#updates;
    for (let i = 0; i <= last; i++) updates[i] = updateProbability >= 1 || rng.uniform() < updateProbability;
    const loss = this.network.loss.value(h, labels);
    const lossGradient = (this.#lossGradient = bufferOfShape(this.#lossGradient, h.rows, h.cols, backend));
    this.network.loss.gradient(h, labels, lossGradient);
    const towardTrue = policy.generatorTarget === 'true-gradient';
    let trueGradient: Matrix = lossGradient;
    for (let i = last; i >= 0; i--) {
      const { layer, synthesis } = decoupled[i];
      const prediction = pass.predictions[i];
      // trueGradient is layer i + 1's input gradient (or a copy): read before anything overwrites it.
      if (towardTrue) synthesis?.generator.update(trueGradient, rates.generators);
      const applied = policy.applied(i, prediction, trueGradient);
      let trueBelow: Matrix | null = null;
      let target: Matrix | null = null;
      if (applied === trueGradient || applied === null) {
        // The layer learns from g_i (or not at all): one backward gives its gradients and g_{i-1}.
        trueBelow = target = layer.backward(trueGradient);
      } else {
        if (i > 0) {
          trueBelow = this.#trueGradients[i] = copy(this.#trueGradients[i], layer.backward(trueGradient));
          target = prediction === null ? trueBelow : (this.#targets[i] = copy(this.#targets[i], layer.backward(prediction)));
        }
        layer.backward(applied);
      }
      if (updates[i]) {
        if (applied !== null) layer.update(rates.layers);
        if (i > 0 && !towardTrue) decoupled[i - 1].synthesis!.generator.update(target!, rates.generators);
      }
      if (i === last && synthesis !== null && !towardTrue) synthesis.generator.update(lossGradient, rates.generators);
      if (trueBelow !== null) trueGradient = trueBelow;
    }
    return { loss };
  }
}

function copy(buffer: Matrix | undefined, source: Matrix): Matrix {
  return bufferOfShape(buffer, source.rows, source.cols, source).copyFrom(source);
}

import type { Batch, StepMetrics } from '@synthgrad/core';
import { bufferOfShape, type Matrix, type Rng, type TensorBackend } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { DecoupledLayer } from './DecoupledLayer.js';
import { shapeSyntheticGradient, type SyntheticGradientUse } from './SyntheticGradientUse.js';

/**
 * A `dni` step with `syntheticGradientWeight` λ < 1, for study: it uses back-propagation. Every
 * layer runs forward with the weights it has, the true gradient g is back-propagated through all of
 * them, and each layer learns from λ·clip(s·ĝ) + (1 − λ)·g. Generators learn as in `dni`: toward
 * what the layer above sends down from its own unshaped ĝ (the last, toward the loss gradient).
 * λ = 0 is back-propagation step for step; the generators still learn alongside.
 */
export class MixedGradientStep {
  #lossGradient: Matrix | undefined;
  readonly #trueGradients: (Matrix | undefined)[] = [];
  readonly #targets: (Matrix | undefined)[] = [];
  readonly #shaped: (Matrix | undefined)[] = [];
  readonly #applied: (Matrix | undefined)[] = [];

  constructor(
    private readonly backend: TensorBackend,
    private readonly network: Network,
    private readonly decoupled: readonly DecoupledLayer[],
    private readonly use: SyntheticGradientUse,
  ) {}

  step(
    batch: Batch,
    rates: { readonly layers: number; readonly generators: number },
    updateProbability: number,
    rng: Rng,
  ): StepMetrics {
    const { backend, decoupled, use } = this;
    const { inputs, labels } = batch;
    const last = decoupled.length - 1;
    const predictions: (Matrix | null)[] = [];
    let h = inputs;
    for (const { layer, synthesis } of decoupled) {
      const layerInput = h;
      h = layer.forward(layerInput, true);
      if (synthesis === null) predictions.push(null);
      else {
        const features = synthesis.input.features({ layerInput, layerOutput: h, inputs, labels, training: true });
        predictions.push(synthesis.generator.predict(features, true));
      }
    }
    // Drawn in layer order, as `dni` draws them.
    const updates = decoupled.map(() => updateProbability >= 1 || rng.uniform() < updateProbability);
    const loss = this.network.loss.value(h, labels);
    const lossGradient = (this.#lossGradient = bufferOfShape(this.#lossGradient, h.rows, h.cols, backend));
    this.network.loss.gradient(h, labels, lossGradient);
    let trueGradient = lossGradient;
    for (let i = last; i >= 0; i--) {
      const { layer, synthesis } = decoupled[i];
      const prediction = predictions[i];
      let trueBelow: Matrix | null = null;
      let target: Matrix | null = null;
      if (i > 0) {
        trueBelow = this.#trueGradients[i] = copy(this.#trueGradients[i], layer.backward(trueGradient));
        target = prediction === null ? trueBelow : (this.#targets[i] = copy(this.#targets[i], layer.backward(prediction)));
      }
      let applied = trueGradient;
      if (prediction !== null) {
        const shaped = shapeSyntheticGradient(backend, prediction, use, this.#shaped[i]);
        if (shaped !== prediction) this.#shaped[i] = shaped;
        applied = this.#applied[i] = bufferOfShape(this.#applied[i], shaped.rows, shaped.cols, backend);
        backend.scale(shaped, use.weight, applied);
        backend.addScaled(applied, trueGradient, 1 - use.weight, applied);
      }
      layer.backward(applied);
      if (updates[i]) {
        layer.update(rates.layers);
        if (i > 0) decoupled[i - 1].synthesis!.generator.update(target!, rates.generators);
      }
      if (i === last && synthesis !== null) synthesis.generator.update(lossGradient, rates.generators);
      if (trueBelow !== null) trueGradient = trueBelow;
    }
    return { loss };
  }
}

function copy(buffer: Matrix | undefined, source: Matrix): Matrix {
  return bufferOfShape(buffer, source.rows, source.cols, source).copyFrom(source);
}

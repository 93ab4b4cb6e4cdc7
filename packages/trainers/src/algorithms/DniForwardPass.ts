import type { Matrix } from '@synthgrad/tensor';
import type { DecoupledLayer } from './DecoupledLayer.js';

/**
 * One batch's forward pass through consecutive decoupled layers, recorded: for every layer i its input
 * h_{i-1}, its output h_i, its generator input's features and its generator's prediction ĝ_i (both
 * null for a layer trained on the true gradient). Every DNI step runs this pass once per batch — the
 * sequential and staged steps, the back-propagated ones (λ-mixing, warm-up), and gradient measurement
 * in evaluation mode; what each layer then applies is a {@link SyntheticGradientPolicy}'s choice.
 *
 * The recorded matrices are the buffers of the layers, generator inputs and generators that made them:
 * valid until those run again (a layer's backward and update leave its output alone).
 *
 * @example
 * ```ts
 * const pass = new DniForwardPass(decoupled);
 * const output = pass.run(x, x, y, true, (i) => {
 *   // layer i has run forward; pass.features[i] and pass.predictions[i] are ready: it may learn now
 * });
 * ```
 */
export class DniForwardPass {
  /** Per layer: the input it ran forward on (h_{i-1}). */
  readonly inputs: Matrix[] = [];
  /** Per layer: its output h_i. */
  readonly outputs: Matrix[] = [];
  /** Per layer: its generator's features, null for a layer trained on the true gradient. */
  readonly features: (Matrix | null)[] = [];
  /** Per layer: its generator's prediction ĝ_i, null for a layer trained on the true gradient. */
  readonly predictions: (Matrix | null)[] = [];

  constructor(readonly layers: readonly DecoupledLayer[]) {}

  /**
   * Runs every layer forward from `stageInput` (the network's `inputs` for the first layer of a
   * network), each followed by its features and prediction, and `afterLayer(i)` when given — before
   * layer i + 1 runs, so a layer may learn right after its own forward, as DNI's does. Returns the last
   * layer's output. `training` false computes features and predictions in evaluation mode (nothing learns).
   */
  run(stageInput: Matrix, inputs: Matrix, labels: Matrix, training: boolean, afterLayer?: (i: number) => void): Matrix {
    const layers = this.layers;
    let layerInput = stageInput;
    for (let i = 0; i < layers.length; i++) {
      const { layer, synthesis } = layers[i];
      const layerOutput = layer.forward(layerInput, training);
      this.inputs[i] = layerInput;
      this.outputs[i] = layerOutput;
      if (synthesis === null) {
        this.features[i] = null;
        this.predictions[i] = null;
      } else {
        const features = synthesis.input.features({ layerInput, layerOutput, inputs, labels, training });
        this.features[i] = features;
        this.predictions[i] = synthesis.generator.predict(features, training);
      }
      afterLayer?.(i);
      layerInput = layerOutput;
    }
    return layerInput;
  }
}

import { ConfigError, type Batch, type StepMetrics } from '@synthgrad/core';
import { bufferOfShape, Matrix } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { DecoupledLayer } from './DecoupledLayer.js';
import type { DniOptions } from './DniOptions.js';

/** The warm-up `dni` options, checked: null when there is none (k = 0). */
export function readGeneratorWarmup(options: DniOptions): { readonly steps: number; readonly layers: 'backprop' | 'frozen' } | null {
  const { generatorWarmupSteps: steps = 0, generatorWarmupLayers: layers } = options;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0) {
    throw new ConfigError('dni.generatorWarmupSteps', `expected a whole number of steps ≥ 0, got ${JSON.stringify(steps)}`);
  }
  if (layers !== undefined && layers !== 'backprop' && layers !== 'frozen') {
    throw new ConfigError('dni.generatorWarmupLayers', `expected "backprop" or "frozen", got ${JSON.stringify(layers)}`);
  }
  if (steps === 0) {
    if (layers !== undefined) {
      throw new ConfigError('dni.generatorWarmupLayers', 'only used with generatorWarmupSteps > 0; remove one of them');
    }
    return null;
  }
  return { steps, layers: layers ?? 'backprop' };
}

/**
 * The `dni` warm-up (option `generatorWarmupSteps` k), a known trick that **uses back-propagation**:
 * for the first k steps the trainer takes, every layer runs forward, the true gradient g_i = dLoss/dh_i
 * is back-propagated through all of them, and each generator learns toward the g_i of its layer's
 * output. The layers learn from g_i too, as in `backprop` (`layers: "backprop"`), or keep their
 * weights (`"frozen"`). Afterwards the trainer is `dni`. The count of steps taken is trainer state.
 */
export class GeneratorWarmup {
  /** Steps taken so far (1 × 1), saved and loaded with the trainer. */
  readonly taken = new Matrix(1, 1);
  #lossGradient: Matrix | undefined;

  constructor(
    private readonly network: Network,
    private readonly decoupled: readonly DecoupledLayer[],
    /** k. */
    readonly steps: number,
    readonly layers: 'backprop' | 'frozen',
  ) {}

  /** True while fewer than k steps have been taken. */
  get active(): boolean {
    return this.taken.data[0] < this.steps;
  }

  step(batch: Batch, rates: { readonly layers: number; readonly generators: number }): StepMetrics {
    const { inputs, labels } = batch;
    let h = inputs;
    for (const { layer, synthesis } of this.decoupled) {
      const layerInput = h;
      h = layer.forward(layerInput, true);
      if (synthesis !== null) {
        synthesis.generator.predict(synthesis.input.features({ layerInput, layerOutput: h, inputs, labels, training: true }), true);
      }
    }
    const loss = this.network.loss.value(h, labels);
    let g: Matrix = (this.#lossGradient = bufferOfShape(this.#lossGradient, h.rows, h.cols, h));
    this.network.loss.gradient(h, labels, g);
    for (let i = this.decoupled.length - 1; i >= 0; i--) {
      const { layer, synthesis } = this.decoupled[i];
      // g, layer i+1's buffer, is read before that layer's next backward.
      synthesis?.generator.update(g, rates.generators);
      g = layer.backward(g);
    }
    if (this.layers === 'backprop') this.network.update(rates.layers);
    this.taken.data[0]++;
    return { loss };
  }

  /** `{ taken }`, for the trainer's state. */
  state(): Readonly<Record<string, Matrix>> {
    return { taken: this.taken };
  }
}

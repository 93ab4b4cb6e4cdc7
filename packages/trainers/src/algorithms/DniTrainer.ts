import type { Batch, GradientAlignment, StepMetrics, TrainerAlgorithm, TrainerState } from '@synthgrad/core';
import { collectState } from '@synthgrad/layers';
import type { Matrix, Rng, TensorBackend } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';
import type { DecoupledLayer } from './DecoupledLayer.js';
import type { GeneratorWarmup } from './GeneratorWarmup.js';
import { gradientAlignment } from './gradientAlignment.js';
import { MixedGradientStep } from './MixedGradientStep.js';
import { DniStage } from './DniStage.js';
import { PLAIN_SYNTHETIC_GRADIENT, type SyntheticGradientUse } from './SyntheticGradientUse.js';

/**
 * Decoupled Neural Interfaces: each layer updates right after its forward pass from the gradient
 * its generator predicts; the generator then learns toward the gradient the layer above sends back
 * (the last layer's, toward the loss gradient).
 */
export class DniTrainer implements TrainerAlgorithm {
  readonly name = 'dni';
  /** The whole network as one stage: the same loop the staged schedules run per stage. */
  #stage: DniStage | undefined;
  #steps = 0;
  #mixed: MixedGradientStep | undefined;

  constructor(
    private readonly backend: TensorBackend,
    readonly network: Network,
    readonly decoupled: readonly DecoupledLayer[],
    private readonly schedules: { readonly layers: LearningRateSchedule; readonly generators: LearningRateSchedule },
    private readonly updateProbability: number,
    private readonly rng: Rng,
    /** How layers use ĝ (default: as predicted, plain DNI). */
    readonly use: SyntheticGradientUse = PLAIN_SYNTHETIC_GRADIENT,
    /** The first steps' back-propagated warm-up of the generators (none by default). */
    readonly warmup: GeneratorWarmup | null = null,
  ) {}

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    if (this.warmup?.active) {
      return this.warmup.step(batch, { layers: this.schedules.layers(progress), generators: this.schedules.generators(progress) });
    }
    if (this.use.weight < 1) {
      this.#mixed ??= new MixedGradientStep(this.backend, this.network, this.decoupled, this.use);
      const rates = { layers: this.schedules.layers(progress), generators: this.schedules.generators(progress) };
      return this.#mixed.step(batch, rates, this.updateProbability, this.rng);
    }
    this.#stage ??= new DniStage(this.decoupled, this.network.loss, this.updateProbability, this.rng, 0, { backend: this.backend, use: this.use });
    const { loss } = this.#stage.run(this.#steps++, batch.inputs, batch.inputs, batch.labels, this.schedules.layers(progress), this.schedules.generators(progress));
    return { loss };
  }

  /** The network's state, each generator's and generator input's (`generator<i>.…`, `generatorInput<i>.…`), the warm-up's steps taken (`warmup.taken`), and the update-schedule stream. */
  state(): TrainerState {
    const parts: (readonly [string, Readonly<Record<string, Matrix>>])[] = [['', this.network.state()]];
    this.decoupled.forEach(({ synthesis }, i) => {
      if (synthesis === null) return;
      parts.push([`generator${i}`, synthesis.generator.state()], [`generatorInput${i}`, synthesis.input.state?.() ?? {}]);
    });
    if (this.warmup !== null) parts.push(['warmup', this.warmup.state()]);
    return { tensors: collectState(parts), rngs: { updateSchedule: this.rng } };
  }

  predict(inputs: Matrix): Matrix {
    return this.network.forward(inputs, false);
  }

  loss(outputs: Matrix, labels: Matrix): number {
    return this.network.loss.value(outputs, labels);
  }

  /**
   * Synthetic against true gradients at every layer output, in evaluation mode. The true gradient is
   * back-propagated here only; parameter gradients it leaves behind are overwritten by the next step's
   * backward before any update, and no weight, generator or statistic changes.
   */
  measureGradients(batch: Batch): GradientAlignment[] {
    const { inputs, labels } = batch;
    // Layer-owned outputs stay valid: nothing below runs a layer forward again.
    const outputs: Matrix[] = [];
    let h = inputs;
    for (const { layer } of this.decoupled) outputs.push((h = layer.forward(h, false)));
    const trueGradients: Matrix[] = new Array(outputs.length);
    let g = this.network.loss.gradient(outputs[outputs.length - 1], labels);
    for (let i = outputs.length - 1; i >= 0; i--) {
      trueGradients[i] = g.clone();
      if (i > 0) g = this.decoupled[i].layer.backward(g);
    }
    const alignments: GradientAlignment[] = [];
    this.decoupled.forEach(({ synthesis }, i) => {
      if (synthesis === null) return;
      const layerInput = i === 0 ? inputs : outputs[i - 1];
      const features = synthesis.input.features({
        layerInput,
        layerOutput: outputs[i],
        inputs,
        labels,
        training: false,
      });
      alignments.push(gradientAlignment(this.backend, i, synthesis.generator.predict(features, false), trueGradients[i]));
    });
    return alignments;
  }
}

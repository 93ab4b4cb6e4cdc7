import type { Batch, GradientAlignment, StepMetrics, TrainerAlgorithm, TrainerState } from '@synthgrad/core';
import { collectState } from '@synthgrad/layers';
import type { Matrix, Rng, TensorBackend } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';
import type { DecoupledLayer } from './DecoupledLayer.js';
import { BackpropagatedDniStep } from './BackpropagatedDniStep.js';
import { DniForwardPass } from './DniForwardPass.js';
import { DniStage } from './DniStage.js';
import type { GeneratorWarmup } from './GeneratorWarmup.js';
import { gradientAlignment } from './gradientAlignment.js';
import type { SyntheticGradientPolicy } from './SyntheticGradientPolicy.js';
import { syntheticGradientPolicyFor } from './syntheticGradientPolicyFor.js';
import { PLAIN_SYNTHETIC_GRADIENT, type SyntheticGradientUse } from './SyntheticGradientUse.js';

/**
 * Decoupled Neural Interfaces: each layer updates right after its forward pass from the gradient
 * its generator predicts; the generator then learns toward the gradient the layer above sends back
 * (the last layer's, toward the loss gradient). How a layer uses ĝ is its policy (plain, shaped, mixed,
 * warm-up first); backprop-free policies run the network as one {@link DniStage}, the others as a
 * {@link BackpropagatedDniStep}.
 */
export class DniTrainer implements TrainerAlgorithm {
  readonly name = 'dni';
  /** The whole network as one stage: the same loop the staged schedules run per stage. */
  #stage: DniStage | undefined;
  #steps = 0;
  #backpropagated: BackpropagatedDniStep | undefined;
  #measured: DniForwardPass | undefined;
  /** How layers use ĝ after the warm-up. */
  readonly policy: SyntheticGradientPolicy;

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
  ) {
    this.policy = syntheticGradientPolicyFor(backend, use);
  }

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const warmup = this.warmup?.active ? this.warmup : null;
    const policy = warmup ?? this.policy;
    if (policy.backpropagates) {
      this.#backpropagated ??= new BackpropagatedDniStep(this.backend, this.network, this.decoupled);
      const rates = { layers: this.schedules.layers(progress), generators: this.schedules.generators(progress) };
      // The warm-up draws no update schedule: every layer follows back-propagation.
      const metrics = this.#backpropagated.step(batch, policy, rates, warmup === null ? this.updateProbability : 1, this.rng);
      warmup?.advance();
      return metrics;
    }
    this.#stage ??= new DniStage(this.decoupled, this.network.loss, this.updateProbability, this.rng, 0, policy);
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
    const pass = (this.#measured ??= new DniForwardPass(this.decoupled));
    // The recorded buffers stay valid: nothing below runs a layer, generator input or generator forward again.
    const output = pass.run(inputs, inputs, labels, false);
    const trueGradients: Matrix[] = new Array(pass.outputs.length);
    let g = this.network.loss.gradient(output, labels);
    for (let i = pass.outputs.length - 1; i >= 0; i--) {
      trueGradients[i] = g.clone();
      if (i > 0) g = this.decoupled[i].layer.backward(g);
    }
    const alignments: GradientAlignment[] = [];
    pass.predictions.forEach((prediction, i) => {
      if (prediction !== null) alignments.push(gradientAlignment(this.backend, i, prediction, trueGradients[i]));
    });
    return alignments;
  }
}

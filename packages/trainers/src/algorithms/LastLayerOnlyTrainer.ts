import type { Batch, StepMetrics, TrainerAlgorithm, TrainerState } from '@synthgrad/core';
import { bufferOfShape, type Matrix } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';

/**
 * Only the output layer learns (from the true loss gradient); hidden layers keep their initial
 * weights: the floor any synthetic gradient must beat. Batch norm still uses batch statistics in
 * training and keeps its running averages; its γ and β stay fixed.
 */
export class LastLayerOnlyTrainer implements TrainerAlgorithm {
  readonly name = 'last-layer-only';
  #lossGradient: Matrix | undefined;

  constructor(
    readonly network: Network,
    private readonly learningRate: LearningRateSchedule,
  ) {}

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const output = this.network.forward(batch.inputs, true);
    const loss = this.network.loss.value(output, batch.labels);
    const g = (this.#lossGradient = bufferOfShape(this.#lossGradient, output.rows, output.cols));
    this.network.loss.gradient(output, batch.labels, g);
    const last = this.network.layers[this.network.layers.length - 1];
    last.backward(g);
    last.update(this.learningRate(progress));
    return { loss };
  }

  state(): TrainerState {
    return { tensors: this.network.state(), rngs: {} };
  }

  predict(inputs: Matrix): Matrix {
    return this.network.forward(inputs, false);
  }

  loss(outputs: Matrix, labels: Matrix): number {
    return this.network.loss.value(outputs, labels);
  }
}

import type { Batch, StepMetrics, TrainerAlgorithm, TrainerState } from '@synthgrad/core';
import { bufferOfShape, type Matrix } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { WeightedLayer } from '../network/weightedLayer.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';

/**
 * Feedback alignment (Lillicrap et al. 2016, "random synaptic feedback weights"): the error goes
 * down through a fixed random matrix Bᵢ in place of each layer's Wᵢᵀ; every layer then updates from
 * the error it received. The feedback matrices never learn.
 */
export class FeedbackAlignmentTrainer implements TrainerAlgorithm {
  readonly name = 'feedback-alignment';
  #lossGradient: Matrix | undefined;

  constructor(
    readonly network: Network,
    private readonly layers: readonly WeightedLayer[],
    /** Per layer, the same shape as its weights (inputSize × outputSize); fixed. */
    readonly feedback: readonly Matrix[],
    private readonly learningRate: LearningRateSchedule,
  ) {}

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const output = this.network.forward(batch.inputs, true);
    const loss = this.network.loss.value(output, batch.labels);
    let g: Matrix = (this.#lossGradient = bufferOfShape(this.#lossGradient, output.rows, output.cols));
    this.network.loss.gradient(output, batch.labels, g);
    for (let i = this.layers.length - 1; i >= 0; i--) g = this.layers[i].backward(g, this.feedback[i]);
    this.network.update(this.learningRate(progress));
    return { loss };
  }

  /** The network's state and the fixed feedback matrices (`feedback<i>`). */
  state(): TrainerState {
    const tensors: Record<string, Matrix> = { ...this.network.state() };
    this.feedback.forEach((matrix, i) => (tensors[`feedback${i}`] = matrix));
    return { tensors, rngs: {} };
  }

  predict(inputs: Matrix): Matrix {
    return this.network.forward(inputs, false);
  }

  loss(outputs: Matrix, labels: Matrix): number {
    return this.network.loss.value(outputs, labels);
  }
}

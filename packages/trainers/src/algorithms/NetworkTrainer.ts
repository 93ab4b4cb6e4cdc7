import type { Batch, StepMetrics, TrainerAlgorithm, TrainerState } from '@synthgrad/core';
import { bufferOfShape, type Matrix } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';

/**
 * What the trainers that run the whole network forward and learn from its output error share: the
 * forward pass with the loss and its gradient, prediction, the loss, and the network's state.
 * Subclasses say how the error reaches the layers in `step`.
 */
export abstract class NetworkTrainer implements TrainerAlgorithm {
  abstract readonly name: string;
  #outputGradient: Matrix | undefined;

  constructor(
    readonly network: Network,
    protected readonly learningRate: LearningRateSchedule,
  ) {}

  abstract step(batch: Batch, progress: TrainingProgress): StepMetrics;

  /**
   * Runs the network forward in training mode and returns the loss; dLoss/d(output) is then in
   * {@link outputGradient}, a buffer reused from step to step.
   */
  protected forwardWithLoss(batch: Batch): number {
    const output = this.network.forward(batch.inputs, true);
    const loss = this.network.loss.value(output, batch.labels);
    this.#outputGradient = bufferOfShape(this.#outputGradient, output.rows, output.cols, output);
    this.network.loss.gradient(output, batch.labels, this.#outputGradient);
    return loss;
  }

  /** dLoss/d(output) of the last {@link forwardWithLoss}. */
  protected get outputGradient(): Matrix {
    if (this.#outputGradient === undefined) throw new Error(`${this.name}: outputGradient read before forwardWithLoss`);
    return this.#outputGradient;
  }

  /** The network's state (`layer<i>.…`); no random streams. */
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

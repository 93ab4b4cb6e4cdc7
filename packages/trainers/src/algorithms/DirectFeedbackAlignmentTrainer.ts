import type { Batch, StepMetrics, TrainerAlgorithm, TrainerState } from '@synthgrad/core';
import { bufferOfShape, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';

/**
 * Direct feedback alignment (Nøkland 2016): the output error e = dLoss/d(output) goes straight to
 * every hidden layer i as e · Bᵢ through its own fixed random matrix Bᵢ (labels × units); the
 * output layer learns from e itself. No gradient passes between hidden layers.
 */
export class DirectFeedbackAlignmentTrainer implements TrainerAlgorithm {
  readonly name = 'direct-feedback-alignment';
  #error: Matrix | undefined;
  readonly #hiddenGradients: (Matrix | undefined)[];

  constructor(
    private readonly backend: TensorBackend,
    readonly network: Network,
    /** Per hidden layer, labelSize × its units; fixed. */
    readonly feedback: readonly Matrix[],
    private readonly learningRate: LearningRateSchedule,
  ) {
    this.#hiddenGradients = feedback.map(() => undefined);
  }

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const { layers, loss: lossFunction } = this.network;
    const output = this.network.forward(batch.inputs, true);
    const loss = lossFunction.value(output, batch.labels);
    const error = (this.#error = bufferOfShape(this.#error, output.rows, output.cols));
    lossFunction.gradient(output, batch.labels, error);
    layers[layers.length - 1].backward(error);
    this.feedback.forEach((b, i) => {
      const g = (this.#hiddenGradients[i] = bufferOfShape(this.#hiddenGradients[i], error.rows, b.cols));
      layers[i].backward(this.backend.matmul(error, b, undefined, g));
    });
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

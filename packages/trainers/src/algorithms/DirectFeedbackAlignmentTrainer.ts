import type { Batch, StepMetrics } from '@synthgrad/core';
import { bufferOfShape, type Matrix, type TensorBackend } from '@synthgrad/tensor';
import { backwardParametersOf } from '../network/backwardParametersOf.js';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';
import { FeedbackTrainer } from './FeedbackTrainer.js';

/**
 * Direct feedback alignment (Nøkland 2016): the output error e = dLoss/d(output) goes straight to
 * every hidden layer i as e · Bᵢ through its own fixed random matrix Bᵢ (labels × units); the
 * output layer learns from e itself. No gradient passes between hidden layers.
 */
export class DirectFeedbackAlignmentTrainer extends FeedbackTrainer {
  readonly name = 'direct-feedback-alignment';
  readonly #hiddenGradients: (Matrix | undefined)[];

  constructor(
    private readonly backend: TensorBackend,
    network: Network,
    /** Per hidden layer, labelSize × its units; fixed. */
    feedback: readonly Matrix[],
    learningRate: LearningRateSchedule,
  ) {
    super(network, feedback, learningRate);
    this.#hiddenGradients = feedback.map(() => undefined);
  }

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const { layers } = this.network;
    const loss = this.forwardWithLoss(batch);
    const error = this.outputGradient;
    backwardParametersOf(layers[layers.length - 1], error);
    this.feedback.forEach((b, i) => {
      const g = (this.#hiddenGradients[i] = bufferOfShape(this.#hiddenGradients[i], error.rows, b.cols, this.backend));
      backwardParametersOf(layers[i], this.backend.matmul(error, b, undefined, g));
    });
    this.network.update(this.learningRate(progress));
    return { loss };
  }
}

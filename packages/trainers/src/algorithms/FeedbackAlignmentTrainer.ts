import type { Batch, StepMetrics } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import { backwardParametersOf } from '../network/backwardParametersOf.js';
import type { Network } from '../network/Network.js';
import type { WeightedLayer } from '../network/weightedLayer.js';
import type { LearningRateSchedule, TrainingProgress } from '../schedule/compileSchedule.js';
import { FeedbackTrainer } from './FeedbackTrainer.js';

/**
 * Feedback alignment (Lillicrap et al. 2016, "random synaptic feedback weights"): the error goes
 * down through a fixed random matrix Bᵢ in place of each layer's Wᵢᵀ; every layer then updates from
 * the error it received. The feedback matrices never learn.
 */
export class FeedbackAlignmentTrainer extends FeedbackTrainer {
  readonly name = 'feedback-alignment';

  constructor(
    network: Network,
    private readonly layers: readonly WeightedLayer[],
    /** Per layer, the same shape as its weights (inputSize × outputSize); fixed. */
    feedback: readonly Matrix[],
    learningRate: LearningRateSchedule,
  ) {
    super(network, feedback, learningRate);
  }

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const loss = this.forwardWithLoss(batch);
    let g = this.outputGradient;
    for (let i = this.layers.length - 1; i > 0; i--) g = this.layers[i].backward(g, this.feedback[i]);
    backwardParametersOf(this.layers[0], g);
    this.network.update(this.learningRate(progress));
    return { loss };
  }
}

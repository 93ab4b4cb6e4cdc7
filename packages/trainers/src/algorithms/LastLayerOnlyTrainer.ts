import type { Batch, StepMetrics } from '@synthgrad/core';
import { backwardParametersOf } from '../network/backwardParametersOf.js';
import type { TrainingProgress } from '../schedule/compileSchedule.js';
import { NetworkTrainer } from './NetworkTrainer.js';

/**
 * Only the output layer learns (from the true loss gradient); hidden layers keep their initial
 * weights: the floor any synthetic gradient must beat. Batch norm still uses batch statistics in
 * training and keeps its running averages; its γ and β stay fixed.
 */
export class LastLayerOnlyTrainer extends NetworkTrainer {
  readonly name = 'last-layer-only';

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const loss = this.forwardWithLoss(batch);
    const last = this.network.layers[this.network.layers.length - 1];
    backwardParametersOf(last, this.outputGradient);
    last.update(this.learningRate(progress));
    return { loss };
  }
}

import type { Batch, StepMetrics } from '@synthgrad/core';
import type { TrainingProgress } from '../schedule/compileSchedule.js';
import { NetworkTrainer } from './NetworkTrainer.js';

/** Plain back-propagation: forward, the true gradient backwards through every layer, then every update. */
export class BackpropTrainer extends NetworkTrainer {
  readonly name = 'backprop';

  step(batch: Batch, progress: TrainingProgress): StepMetrics {
    const loss = this.forwardWithLoss(batch);
    this.network.backward(this.outputGradient);
    this.network.update(this.learningRate(progress));
    return { loss };
  }
}

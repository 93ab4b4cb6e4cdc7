import type { TrainerState } from '@synthgrad/core';
import type { Matrix } from '@synthgrad/tensor';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule } from '../schedule/compileSchedule.js';
import { NetworkTrainer } from './NetworkTrainer.js';

/** A {@link NetworkTrainer} that sends errors through fixed random matrices, kept in its state as `feedback<i>`. */
export abstract class FeedbackTrainer extends NetworkTrainer {
  constructor(
    network: Network,
    /** The fixed feedback matrices; they never learn. */
    readonly feedback: readonly Matrix[],
    learningRate: LearningRateSchedule,
  ) {
    super(network, learningRate);
  }

  /** The network's state and the fixed feedback matrices (`feedback<i>`). */
  override state(): TrainerState {
    const tensors: Record<string, Matrix> = { ...this.network.state() };
    this.feedback.forEach((matrix, i) => (tensors[`feedback${i}`] = matrix));
    return { tensors, rngs: {} };
  }
}

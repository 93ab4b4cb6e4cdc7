import type { TrainerContext } from '@synthgrad/core';
import { compileSchedule, type LearningRateSchedule } from '../schedule/compileSchedule.js';

/** The layers' learning rate when a network spec gives none: the tutorial's alpha. */
export const DEFAULT_LEARNING_RATE = 0.1;

/** The network's learning-rate schedule (default {@link DEFAULT_LEARNING_RATE}). */
export function layerLearningRate(context: TrainerContext): LearningRateSchedule {
  return compileSchedule(context.network.learningRate ?? DEFAULT_LEARNING_RATE, 'network.learningRate');
}

import { readOptions, type TrainerContext } from '@synthgrad/core';
import { zerosFor, type Matrix } from '@synthgrad/tensor';
import { buildNetwork, resolveInitialiser } from '../network/buildNetwork.js';
import type { LayerRegistries } from '../network/LayerRegistries.js';
import { layerLearningRate } from '../network/layerLearningRate.js';
import type { Network } from '../network/Network.js';
import type { LearningRateSchedule } from '../schedule/compileSchedule.js';
import { FEEDBACK_OPTION_NAMES, type FeedbackOptions } from './FeedbackOptions.js';

/** What a feedback-alignment trainer is built from. */
export interface FeedbackSetup {
  readonly network: Network;
  readonly learningRate: LearningRateSchedule;
  /** A new fixed random matrix, drawn with `feedbackInitialiser` from the trainer's own fork of the seed's stream. */
  randomFeedback(rows: number, cols: number): Matrix;
}

/**
 * The part `feedback-alignment` and `direct-feedback-alignment` share when created: their options
 * checked (`algorithm` names them in errors), the network built, and the feedback matrices' source.
 */
export function createFeedbackSetup(
  algorithm: string,
  context: TrainerContext,
  registries: LayerRegistries,
  feedbackOptions: FeedbackOptions | undefined,
): FeedbackSetup {
  const options = readOptions(algorithm, feedbackOptions, FEEDBACK_OPTION_NAMES) as FeedbackOptions;
  const network = buildNetwork(context, registries);
  const initialiser = resolveInitialiser(registries, options.feedbackInitialiser ?? context.network.initialiser ?? 'tutorial');
  // Forked after the network has drawn its weights, so that the weights match `backprop`'s for the same seed.
  const rng = context.rng.fork();
  return {
    network,
    learningRate: layerLearningRate(context),
    randomFeedback(rows, cols) {
      const b = zerosFor(context.backend, rows, cols);
      initialiser.initialise(b, rng);
      return b;
    },
  };
}

import type { TrainerAlgorithmPlugin, TrainerContext } from '@synthgrad/core';
import { inject, injectable } from 'inversify';
import { LayerRegistries } from '../network/LayerRegistries.js';
import { weightedLayer, weightsOf } from '../network/weightedLayer.js';
import { createFeedbackSetup } from './createFeedbackSetup.js';
import { FeedbackAlignmentTrainer } from './FeedbackAlignmentTrainer.js';
import type { FeedbackOptions } from './FeedbackOptions.js';

/** `feedback-alignment`: errors sent down through fixed random matrices instead of Wᵀ (Lillicrap et al. 2016). */
@injectable()
export class FeedbackAlignmentTrainerPlugin implements TrainerAlgorithmPlugin<FeedbackOptions> {
  readonly name = 'feedback-alignment';
  readonly description = 'feedback alignment: errors go down through fixed random matrices instead of the transposed weights';

  constructor(@inject(LayerRegistries) private readonly registries: LayerRegistries) {}

  create(context: TrainerContext, options?: FeedbackOptions): FeedbackAlignmentTrainer {
    const { network, learningRate, randomFeedback } = createFeedbackSetup(this.name, context, this.registries, options);
    const layers = network.layers.map(weightedLayer);
    const feedback = layers.map((layer) => {
      const w = weightsOf(layer);
      return randomFeedback(w.rows, w.cols);
    });
    return new FeedbackAlignmentTrainer(network, layers, feedback, learningRate);
  }
}

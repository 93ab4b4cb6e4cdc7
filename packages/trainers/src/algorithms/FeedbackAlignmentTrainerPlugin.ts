import { readOptions, type TrainerAlgorithmPlugin, type TrainerContext } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { inject, injectable } from 'inversify';
import { buildNetwork, resolveInitialiser } from '../network/buildNetwork.js';
import { LayerRegistries } from '../network/LayerRegistries.js';
import { layerLearningRate } from '../network/layerLearningRate.js';
import { weightedLayer, weightsOf } from '../network/weightedLayer.js';
import { FeedbackAlignmentTrainer } from './FeedbackAlignmentTrainer.js';
import { FEEDBACK_OPTION_NAMES, type FeedbackOptions } from './FeedbackOptions.js';

/** `feedback-alignment`: errors sent down through fixed random matrices instead of Wᵀ (Lillicrap et al. 2016). */
@injectable()
export class FeedbackAlignmentTrainerPlugin implements TrainerAlgorithmPlugin<FeedbackOptions> {
  readonly name = 'feedback-alignment';
  readonly description = 'feedback alignment: errors go down through fixed random matrices instead of the transposed weights';

  constructor(@inject(LayerRegistries) private readonly registries: LayerRegistries) {}

  create(context: TrainerContext, feedbackOptions?: FeedbackOptions): FeedbackAlignmentTrainer {
    const options = readOptions('feedback-alignment', feedbackOptions, FEEDBACK_OPTION_NAMES) as FeedbackOptions;
    const network = buildNetwork(context, this.registries);
    const layers = network.layers.map(weightedLayer);
    const initialiser = resolveInitialiser(
      this.registries,
      options.feedbackInitialiser ?? context.network.initialiser ?? 'tutorial',
    );
    const rng = context.rng.fork();
    const feedback = layers.map((layer) => {
      const w = weightsOf(layer);
      const b = new Matrix(w.rows, w.cols);
      initialiser.initialise(b, rng);
      return b;
    });
    return new FeedbackAlignmentTrainer(network, layers, feedback, layerLearningRate(context));
  }
}

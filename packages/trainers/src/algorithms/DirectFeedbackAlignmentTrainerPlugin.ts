import { readOptions, type TrainerAlgorithmPlugin, type TrainerContext } from '@synthgrad/core';
import { Matrix } from '@synthgrad/tensor';
import { inject, injectable } from 'inversify';
import { buildNetwork, resolveInitialiser } from '../network/buildNetwork.js';
import { LayerRegistries } from '../network/LayerRegistries.js';
import { layerLearningRate } from '../network/layerLearningRate.js';
import { DirectFeedbackAlignmentTrainer } from './DirectFeedbackAlignmentTrainer.js';
import { FEEDBACK_OPTION_NAMES, type FeedbackOptions } from './FeedbackOptions.js';

/** `direct-feedback-alignment`: the output error sent to every hidden layer through its own fixed random matrix (Nøkland 2016). */
@injectable()
export class DirectFeedbackAlignmentTrainerPlugin implements TrainerAlgorithmPlugin<FeedbackOptions> {
  readonly name = 'direct-feedback-alignment';
  readonly description = 'direct feedback alignment: the output error goes to every hidden layer through its own fixed random matrix';

  constructor(@inject(LayerRegistries) private readonly registries: LayerRegistries) {}

  create(context: TrainerContext, feedbackOptions?: FeedbackOptions): DirectFeedbackAlignmentTrainer {
    const options = readOptions('direct-feedback-alignment', feedbackOptions, FEEDBACK_OPTION_NAMES) as FeedbackOptions;
    const network = buildNetwork(context, this.registries);
    const initialiser = resolveInitialiser(
      this.registries,
      options.feedbackInitialiser ?? context.network.initialiser ?? 'tutorial',
    );
    const rng = context.rng.fork();
    const feedback = network.layers.slice(0, -1).map((layer) => {
      const b = new Matrix(context.labelSize, layer.outputSize);
      initialiser.initialise(b, rng);
      return b;
    });
    return new DirectFeedbackAlignmentTrainer(context.backend, network, feedback, layerLearningRate(context));
  }
}

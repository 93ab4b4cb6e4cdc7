import type { TrainerAlgorithmPlugin, TrainerContext } from '@synthgrad/core';
import { inject, injectable } from 'inversify';
import { LayerRegistries } from '../network/LayerRegistries.js';
import { createFeedbackSetup } from './createFeedbackSetup.js';
import { DirectFeedbackAlignmentTrainer } from './DirectFeedbackAlignmentTrainer.js';
import type { FeedbackOptions } from './FeedbackOptions.js';

/** `direct-feedback-alignment`: the output error sent to every hidden layer through its own fixed random matrix (Nøkland 2016). */
@injectable()
export class DirectFeedbackAlignmentTrainerPlugin implements TrainerAlgorithmPlugin<FeedbackOptions> {
  readonly name = 'direct-feedback-alignment';
  readonly description = 'direct feedback alignment: the output error goes to every hidden layer through its own fixed random matrix';

  constructor(@inject(LayerRegistries) private readonly registries: LayerRegistries) {}

  create(context: TrainerContext, options?: FeedbackOptions): DirectFeedbackAlignmentTrainer {
    const { network, learningRate, randomFeedback } = createFeedbackSetup(this.name, context, this.registries, options);
    const feedback = network.layers.slice(0, -1).map((layer) => randomFeedback(context.labelSize, layer.outputSize));
    return new DirectFeedbackAlignmentTrainer(context.backend, network, feedback, learningRate);
  }
}

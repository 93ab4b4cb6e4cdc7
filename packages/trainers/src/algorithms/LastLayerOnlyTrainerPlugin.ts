import { readOptions, type TrainerAlgorithmPlugin, type TrainerContext } from '@synthgrad/core';
import { inject, injectable } from 'inversify';
import { buildNetwork } from '../network/buildNetwork.js';
import { LayerRegistries } from '../network/LayerRegistries.js';
import { layerLearningRate } from '../network/layerLearningRate.js';
import { LastLayerOnlyTrainer } from './LastLayerOnlyTrainer.js';

/** `last-layer-only`: hidden layers frozen at their initial weights; the baseline below every other rule. */
@injectable()
export class LastLayerOnlyTrainerPlugin implements TrainerAlgorithmPlugin<Record<string, never>> {
  readonly name = 'last-layer-only';
  readonly description = 'only the output layer learns; hidden layers stay at their initial weights (the floor)';

  constructor(@inject(LayerRegistries) private readonly registries: LayerRegistries) {}

  create(context: TrainerContext, options?: Record<string, never>): LastLayerOnlyTrainer {
    readOptions('last-layer-only', options, []);
    return new LastLayerOnlyTrainer(buildNetwork(context, this.registries), layerLearningRate(context));
  }
}
